-- Registry: the region's municipalities, response centres, home-care teams, residents and devices.

create table municipality (
    kommunenummer char(4) primary key check (kommunenummer ~ '^[0-9]{4}$'),
    name          text    not null check (length(trim(name)) > 0),
    population    integer not null check (population >= 0),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table response_centre (
    id          uuid primary key,
    name        text not null unique check (length(trim(name)) > 0),
    phone       text,
    host_kommunenummer char(4) references municipality (kommunenummer),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Which municipalities a response centre serves; its operators see those municipalities' residents.
create table response_centre_municipality (
    response_centre_id uuid    not null references response_centre (id) on delete cascade,
    kommunenummer      char(4) not null references municipality (kommunenummer),
    primary key (response_centre_id, kommunenummer),
    unique (kommunenummer)
);

create table home_care_team (
    id            uuid primary key,
    kommunenummer char(4) not null references municipality (kommunenummer),
    name          text not null check (length(trim(name)) > 0),
    phone         text,
    notes         text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (kommunenummer, name)
);

-- The ordered call-out chain of a team: position 1 is called first.
create table home_care_contact (
    team_id    uuid    not null references home_care_team (id) on delete cascade,
    position   integer not null check (position >= 1),
    name       text    not null,
    role_title text,
    phone      text    not null,
    primary key (team_id, position)
);

create table resident (
    id                  uuid primary key,
    kommunenummer       char(4) not null references municipality (kommunenummer),
    given_name          text not null check (length(trim(given_name)) > 0),
    family_name         text not null check (length(trim(family_name)) > 0),
    birth_date          date not null,
    -- fødselsnummer, AES-256-GCM encrypted; the keyed hash allows exact lookup without decrypting
    national_id_cipher  bytea not null,
    national_id_hash    bytea not null unique,
    street_address      text not null,
    postal_code         char(4) not null check (postal_code ~ '^[0-9]{4}$'),
    postal_place        text not null,
    phone               text,
    mobile_phone        text,
    entry_method        text not null check (entry_method in ('KEY_BOX', 'E_LOCK', 'KEY_AT_TEAM', 'UNLOCKED', 'OTHER')),
    entry_details       text,
    operator_notes      text,
    epj_id              text,
    active              boolean not null default true,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index resident_kommune_name on resident (kommunenummer, family_name, given_name);
create index resident_search on resident using gin (to_tsvector('simple', given_name || ' ' || family_name || ' ' || street_address));

create table relative (
    resident_id uuid    not null references resident (id) on delete cascade,
    priority    integer not null check (priority >= 1),
    name        text    not null,
    relation    text,
    phone       text    not null,
    sms_consent boolean not null default false,
    primary key (resident_id, priority)
);

create table device (
    id                  uuid primary key,
    kommunenummer       char(4) not null references municipality (kommunenummer),
    type                text not null check (type in ('SAFETY_ALARM', 'FALL_SENSOR', 'GPS_TRACKER',
                            'MEDICATION_DISPENSER', 'DOOR_SENSOR', 'BED_SENSOR', 'SMOKE_DETECTOR', 'E_LOCK', 'OTHER')),
    vendor              text not null,
    model               text not null,
    scaip_controller_id text check (scaip_controller_id ~ '^[0-9]+$'),
    scaip_device_id     text,
    sia_account         text check (sia_account ~ '^[0-9A-Fa-f]{3,16}$'),
    imei                text check (imei ~ '^[0-9]{15}$'),
    serial_number       text,
    resident_id         uuid references resident (id),
    placement           text,
    status              text not null check (status in ('IN_STOCK', 'ACTIVE', 'SERVICE', 'RETIRED')),
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index device_scaip on device (scaip_controller_id, coalesce(scaip_device_id, '')) where scaip_controller_id is not null;
create unique index device_sia on device (upper(sia_account)) where sia_account is not null;
create unique index device_imei on device (imei) where imei is not null;
create unique index device_serial on device (vendor, serial_number) where serial_number is not null;
create index device_resident on device (resident_id);
create index device_kommune on device (kommunenummer, type);
