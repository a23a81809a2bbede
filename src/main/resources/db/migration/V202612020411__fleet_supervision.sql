-- Fleet supervision (issue 10): expected reporting intervals per device, lost contact raised once and cleared,
-- technical alarms handled by rules (versioned, audited), and a lease so one node at a time supervises.

-- The protocol a device was last heard through (its heartbeat interval comes from the protocol).
alter table device add column last_heard_source text;

-- Reporting-time classes in the manner of EN 50136-1: the interval a unit must report within, and the grace
-- before its silence counts as lost contact.
create table fleet_supervision_class (
    name       text primary key,
    interval_s integer not null check (interval_s > 0),
    grace_s    integer not null check (grace_s >= 0)
);
insert into fleet_supervision_class values
    ('SECONDS_90', 90, 30),
    ('MINUTES_3', 180, 60),
    ('MINUTES_30', 1800, 300),
    ('HOURS_25', 90000, 3600);

-- The class per device type (set by a system administrator); long by default, so a device is only supervised
-- closely when its protocol's interval or an administrator says so.
create table fleet_type_supervision (
    device_type        text primary key,
    supervision_class  text not null references fleet_supervision_class (name),
    updated_by         text not null,
    updated_at         timestamptz not null default now()
);
insert into fleet_type_supervision (device_type, supervision_class, updated_by)
select t, 'HOURS_25', 'migration'
from unnest(array['SAFETY_ALARM', 'FALL_SENSOR', 'GPS_TRACKER', 'MEDICATION_DISPENSER', 'DOOR_SENSOR',
                  'BED_SENSOR', 'SMOKE_DETECTOR', 'E_LOCK', 'OTHER']) t;

-- Per device: an administrator's class (overrides protocol and type), the last alarm, and the open lost-contact
-- alarm (at most one: supervision raises it once and clears it when the device reports again).
create table fleet_device (
    device_id              uuid primary key references device (id),
    supervision_class      text references fleet_supervision_class (name),
    class_set_by           text,
    class_set_at           timestamptz,
    last_alarm_at          timestamptz,
    lost_contact_alarm_id  uuid references alarm (id),
    lost_contact_since     timestamptz
);
create index fleet_device_lost_contact on fleet_device (device_id) where lost_contact_alarm_id is not null;
create index device_heard on device (last_heard_at) where last_heard_at is not null;

-- Supervision is supervised: the node that holds the lease checks; another takes over when it expires.
create table fleet_lease (
    name           text primary key,
    holder         text not null,
    acquired_at    timestamptz not null,
    expires_at     timestamptz not null,
    last_pass_at   timestamptz,
    last_pass_by   text,
    last_pass_devices integer,
    last_pass_ms   bigint
);

-- The alarm-type table gains a "clears" relation: an event of (source, code) clears open alarms of the
-- same device with (source, clears), e.g. Contact ID R301 (AC restored) clears E301 (AC loss).
create table alarm_type_clears (
    source  text not null,
    code    text not null,
    clears  text not null,
    primary key (source, code, clears),
    foreign key (source, code) references alarm_type_mapping (source, code),
    foreign key (source, clears) references alarm_type_mapping (source, code)
);

insert into alarm_type_mapping values
    ('HTTP', 'POWER_RESTORED', 'INFO', '3', 'Strøm tilbake',       'Power restored', 5, 86400),
    ('HTTP', 'BATTERY_OK',     'INFO', '3', 'Batteri i orden',     'Battery OK',     5, 86400),
    ('HTTP', 'CONTACT_RESTORED', 'INFO', '3', 'Kontakt gjenopprettet', 'Contact restored', 5, 86400),
    ('HTTP', 'DEVICE_OK',      'INFO', '3', 'Enheten i orden',     'Device OK',      5, 86400),
    -- raised by Varde's own supervision (source FLEET), not by a device
    ('FLEET', 'LOST_CONTACT', 'TECHNICAL', '1.20', 'Ingen kontakt med enheten', 'Lost contact with the device', 3, 900),
    ('FLEET', 'SAFETY_RISK',  'ALARM',     '3',    'Sikkerhetsrisiko: teknisk feil', 'Safety risk: technical fault', 2, 120);

insert into alarm_type_clears values
    ('HTTP', 'POWER_RESTORED', 'POWER_LOSS'),
    ('HTTP', 'BATTERY_OK', 'BATTERY_LOW'),
    ('HTTP', 'BATTERY_OK', 'BATTERY_EMPTY'),
    ('HTTP', 'CONTACT_RESTORED', 'LOST_CONTACT'),
    ('HTTP', 'DEVICE_OK', 'DEVICE_FAULT'),
    ('SIA', 'R301', 'E301'),
    ('SIA', 'R302', 'E302'),
    ('SIA', 'R350', 'E350'),
    ('SIA', 'R381', 'E381'),
    ('SIA', 'R384', 'E384'),
    ('SIA', 'AR', 'AT'),
    ('SIA', 'YR', 'YT'),
    ('SIA', 'XR', 'XT');

-- Technical-alarm rules: data, edited by system administrators, every version kept.
create table fleet_rule (
    id           bigint generated always as identity primary key,
    source       text not null,
    code         text not null,
    device_type  text,                      -- null: every device type
    kind         text not null check (kind in ('WAIT_FOR_RESTORE', 'AUTO_CLOSE', 'RAISE_TO_OPERATOR')),
    wait_s       integer check (wait_s > 0),
    enabled      boolean not null default true,
    note         text,
    version      integer not null default 1,
    updated_by   text not null,
    updated_at   timestamptz not null default now(),
    check ((kind = 'WAIT_FOR_RESTORE') = (wait_s is not null)),
    foreign key (source, code) references alarm_type_mapping (source, code)
);
create unique index fleet_rule_one_per_code on fleet_rule (source, code, coalesce(device_type, '*'));

create table fleet_rule_version (
    rule_id     bigint not null references fleet_rule (id),
    version     integer not null,
    source      text not null,
    code        text not null,
    device_type text,
    kind        text not null,
    wait_s      integer,
    enabled     boolean not null,
    note        text,
    changed_by  text not null,
    changed_at  timestamptz not null,
    primary key (rule_id, version)
);

insert into fleet_rule (source, code, device_type, kind, wait_s, note, updated_by) values
    ('HTTP', 'POWER_LOSS', null, 'WAIT_FOR_RESTORE', 1800, 'Strømbrudd som er over innen 30 minutter lukkes av seg selv', 'migration'),
    ('SIA', 'E301', null, 'WAIT_FOR_RESTORE', 1800, 'Strømbrudd som er over innen 30 minutter lukkes av seg selv', 'migration'),
    ('SIA', 'AT', null, 'WAIT_FOR_RESTORE', 1800, 'Strømfeil som er over innen 30 minutter lukkes av seg selv', 'migration'),
    ('HTTP', 'BATTERY_LOW', null, 'AUTO_CLOSE', null, 'Lukkes når enheten melder batteri i orden', 'migration'),
    ('HTTP', 'DEVICE_FAULT', null, 'AUTO_CLOSE', null, 'Lukkes når enheten melder at den er i orden', 'migration'),
    ('SIA', 'E302', null, 'AUTO_CLOSE', null, 'Lukkes når sentralen melder batteri i orden', 'migration'),
    ('SIA', 'E384', null, 'AUTO_CLOSE', null, 'Lukkes når senderen melder batteri i orden', 'migration'),
    ('SIA', 'E350', null, 'AUTO_CLOSE', null, 'Lukkes når kommunikasjonen er gjenopprettet', 'migration'),
    ('SIA', 'E381', null, 'AUTO_CLOSE', null, 'Lukkes når radiokontakten er gjenopprettet', 'migration'),
    ('SCAIP', '0003:0123', null, 'RAISE_TO_OPERATOR', null, 'Personlig alarmknapp uten radiokontakt: beboeren er ubeskyttet', 'migration');

insert into fleet_rule_version (rule_id, version, source, code, device_type, kind, wait_s, enabled, note, changed_by, changed_at)
select id, version, source, code, device_type, kind, wait_s, enabled, note, updated_by, updated_at from fleet_rule;

-- Each rule's decision on an alarm, once (listeners may be delivered again): WAIT_FOR_RESTORE waits until
-- wait_until and is then left to the operator; RAISED names the safety-risk alarm raised to the operator.
create table fleet_rule_decision (
    alarm_id      uuid not null references alarm (id),
    decision      text not null,
    rule_id       bigint not null references fleet_rule (id),
    rule_version  integer not null,
    decided_at    timestamptz not null,
    wait_until    timestamptz,
    settled_at    timestamptz,
    raised_alarm_id uuid references alarm (id),
    primary key (alarm_id, decision)
);
create index fleet_rule_decision_waiting on fleet_rule_decision (wait_until) where settled_at is null and wait_until is not null;
