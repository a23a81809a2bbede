-- Storms and correlated outages (issue 10, item 4), and the cross-device raise rule "lost contact of a resident with
-- no other working device" (item 2). Many devices of one municipality, vendor or protocol that fall silent or report
-- faults within a window become ONE incident: its members' individual lost-contact alarms are not raised and their
-- technical faults are closed by the incident rule (still stored), and the incident is shown once.

create table fleet_incident (
    id                   bigint generated always as identity primary key,
    dimension            text not null check (dimension in ('MUNICIPALITY', 'VENDOR', 'PROTOCOL')),
    dimension_key        text not null,
    started_at           timestamptz not null,   -- the earliest silence or fault of its first members
    detected_at          timestamptz not null,
    ended_at             timestamptz,            -- every member has reported again / cleared
    supervised_devices   integer not null,       -- the group's supervised devices when it was detected
    operator_alarm_id    uuid references alarm (id),  -- the one ALARM item listing the residents left unprotected
    technical_alarm_id   uuid references alarm (id)   -- the one TECHNICAL item (always)
);
create unique index fleet_incident_open on fleet_incident (dimension, dimension_key) where ended_at is null;

-- The devices an incident covers. A device is in at most one open incident at a time.
create table fleet_incident_device (
    incident_id    bigint not null references fleet_incident (id),
    device_id      uuid not null references device (id),
    kommunenummer  char(4) not null,
    reason         text not null check (reason in ('SILENCE', 'FAULT')),
    since          timestamptz not null,   -- last heard (silence) or the first fault's reception
    joined_at      timestamptz not null,
    restored_at    timestamptz,
    primary key (incident_id, device_id)
);
create unique index fleet_incident_device_open on fleet_incident_device (device_id) where restored_at is null;
create index fleet_incident_device_incident_open on fleet_incident_device (incident_id) where restored_at is null;

-- Residents the incident left without a working personal-alarm device: listed once, on the operator's one item.
create table fleet_incident_resident (
    incident_id    bigint not null references fleet_incident (id),
    resident_id    uuid not null references resident (id),
    kommunenummer  char(4) not null,
    listed_at      timestamptz not null,
    primary key (incident_id, resident_id)
);

-- Each affected municipality's administrators are told once per incident (in the app: this row; by SMS: the outbox).
create table fleet_incident_notice (
    incident_id    bigint not null references fleet_incident (id),
    kommunenummer  char(4) not null references municipality (kommunenummer),
    notified_at    timestamptz not null,
    devices        integer not null,
    sms_queued     integer not null,
    primary key (incident_id, kommunenummer)
);

-- The single-device rule: a lost contact of a resident with no other working device raises one safety risk.
create table fleet_unprotected_raise (
    lost_contact_alarm_id  uuid primary key references alarm (id),
    safety_alarm_id        uuid not null references alarm (id),
    resident_id            uuid not null references resident (id),
    raised_at              timestamptz not null
);

-- Open technical alarms per device: the storm check counts faults per group, and member faults are closed.
create index alarm_open_technical_device on alarm (device_id, received_at) where category = 'TECHNICAL' and state <> 'CLOSED';
create index device_resident_active on device (resident_id) where status = 'ACTIVE' and resident_id is not null;

insert into alarm_type_mapping values
    ('FLEET', 'INCIDENT', 'ALARM', '3', 'Flåtehendelse: beboere uten virksom alarm',
     'Fleet incident: residents left without a working alarm', 3, 120),
    ('FLEET', 'INCIDENT_TECHNICAL', 'TECHNICAL', '1.20', 'Flåtehendelse: mange enheter uten kontakt eller med feil',
     'Fleet incident: many devices out of contact or faulty', 3, 900);
