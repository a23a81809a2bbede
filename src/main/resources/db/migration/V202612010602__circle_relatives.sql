-- The resident's circle: relatives' consent to SMS (who recorded it, when; who withdrew it, when, how), the
-- resident's wishes about when each relative may be contacted, the message templates, and the messages sent.
-- A relative is identified by resident and phone number, so consent survives reordering the relatives.
create table relative_consent (
    id            uuid primary key,
    resident_id   uuid not null references resident (id) on delete cascade,
    phone         text not null,
    relative_name text not null,
    granted_by    text not null,
    granted_at    timestamptz not null,
    withdrawn_by  text,
    withdrawn_at  timestamptz,
    withdrawn_via text check (withdrawn_via in ('STAFF', 'RELATIVE_LINK')),
    check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdrawn_via is null))
);
create unique index relative_consent_active on relative_consent (resident_id, phone) where withdrawn_at is null;
create index relative_consent_resident on relative_consent (resident_id, granted_at);

create table relative_contact_window (
    resident_id uuid not null references resident (id) on delete cascade,
    phone       text not null,
    not_from    time not null,
    not_until   time not null check (not_until <> not_from),
    note        text,
    set_by      text not null,
    set_at      timestamptz not null,
    primary key (resident_id, phone)
);

create table relative_sms_template (
    code            text primary key check (code ~ '^[a-z0-9-]{2,40}$'),
    name            text not null,
    body            text not null check (length(body) between 10 and 400),
    allow_free_text boolean not null default false,
    position        integer not null default 0,
    updated_by      text,
    updated_at      timestamptz
);
insert into relative_sms_template (code, name, body, allow_free_text, position) values
    ('alarm-fulgt-opp', 'Alarm fulgt opp',
     'Hei {pårørende}. Responssenteret har mottatt en alarm fra {beboer} og følger den opp. Vi tar kontakt om det trengs.',
     false, 1),
    ('hjemmetjenesten-pa-vei', 'Hjemmetjenesten er på vei',
     'Hei {pårørende}. Hjemmetjenesten er på vei til {beboer} etter en alarm. Vi tar kontakt om det trengs.',
     false, 2),
    ('ring-oss', 'Be pårørende ringe',
     'Hei {pårørende}. Responssenteret ønsker å snakke med deg om {beboer}. Ring oss når du kan.',
     true, 3);

-- One notification of relatives from an alarm: the chosen relatives in priority order, all at once or, with
-- escalate_after_seconds, one by one until somebody confirms.
create table relative_round (
    id               uuid primary key,
    alarm_id         uuid not null references alarm (id),
    resident_id      uuid not null references resident (id),
    template_code    text not null references relative_sms_template (code),
    free_text        text,
    ask_confirmation boolean not null,
    escalate_after_seconds integer check (escalate_after_seconds > 0),
    state            text not null check (state in ('RUNNING', 'CONFIRMED', 'EXHAUSTED', 'SENT')),
    created_by       text not null,
    created_at       timestamptz not null
);
create index relative_round_alarm on relative_round (alarm_id, created_at);
create index relative_round_running on relative_round (created_at) where state = 'RUNNING';

create table relative_message (
    id            uuid primary key,
    round_id      uuid not null references relative_round (id),
    position      integer not null check (position >= 1),
    relative_name text not null,
    phone         text not null,
    sms_id        uuid references sms_message (id),
    state         text not null check (state in ('WAITING', 'SENT', 'PASSED', 'NOT_SENT_NO_CONSENT')),
    sent_at       timestamptz,
    confirmed_at  timestamptz,
    unique (round_id, position)
);
create unique index relative_message_sms on relative_message (sms_id);
