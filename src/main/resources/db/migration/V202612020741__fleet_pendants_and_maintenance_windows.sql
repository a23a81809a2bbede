-- Fleet supervision (issue 10), items 1, 2 and 5: pendants and detectors supervised through their base unit, a
-- safety-risk rule for personal triggers not heard for a day, and maintenance windows (planned silence).

-- A pendant or detector is registered as its own device linked to the base unit it talks through: the base's
-- SCAIP radio tests (0102/0103, naming the sub-device by did) are how it is heard.
alter table device add column base_device_id uuid references device (id);
alter table device add constraint device_base_not_self check (base_device_id <> id);
create index device_base on device (base_device_id) where base_device_id is not null;

-- "A personal trigger not heard for 24 h": a rule kind evaluated by the supervision pass over devices supervised
-- through a base (personal triggers), with the silence allowed as the rule's wait. The condition has its own
-- technical type in the alarm-type table (it is never received from a device).
insert into alarm_type_mapping values
    ('FLEET', 'TRIGGER_SILENT', 'TECHNICAL', '1.20', 'Personlig utløser ikke hørt', 'Personal trigger not heard', 3, 900);

alter table fleet_rule drop constraint fleet_rule_kind_check;
alter table fleet_rule add constraint fleet_rule_kind_check
    check (kind in ('WAIT_FOR_RESTORE', 'AUTO_CLOSE', 'RAISE_TO_OPERATOR', 'TECHNICIAN_TASK', 'RAISE_WHEN_SILENT'));
alter table fleet_rule drop constraint fleet_rule_check;
alter table fleet_rule add constraint fleet_rule_wait
    check ((kind in ('WAIT_FOR_RESTORE', 'RAISE_WHEN_SILENT')) = (wait_s is not null));

insert into fleet_rule (source, code, device_type, kind, wait_s, note, updated_by) values
    ('FLEET', 'TRIGGER_SILENT', 'SAFETY_ALARM', 'RAISE_WHEN_SILENT', 86400,
     'Personlig alarmknapp ikke hørt på 24 timer: beboeren er ubeskyttet', 'migration');
insert into fleet_rule_version (rule_id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note,
    changed_by, changed_at)
select id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note, updated_by, updated_at
from fleet_rule where kind = 'RAISE_WHEN_SILENT';

-- Once per silence: one safety risk per device and the last-heard time it went silent from.
create table fleet_silent_trigger (
    device_id     uuid not null references device (id),
    silent_since  timestamptz not null,
    rule_id       bigint not null references fleet_rule (id),
    rule_version  integer not null,
    alarm_id      uuid references alarm (id),
    raised_at     timestamptz not null,
    primary key (device_id, silent_since)
);

-- Maintenance windows: planned silence for a set of devices (every given selector must match: municipality, vendor,
-- device type, explicit device list). Events in a window are recorded; technical alarms are closed by the window's
-- rule and lost contact is not raised. A window never touches an alarm that needs a person.
create table fleet_maintenance_window (
    id             bigint generated always as identity primary key,
    kommunenummer  char(4),
    vendor         text,
    device_type    text,
    device_ids     uuid[],
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    reason         text not null,
    created_by     text not null,
    created_at     timestamptz not null,
    ended_by       text,
    ended_at       timestamptz,
    check (ends_at > starts_at),
    check (kommunenummer is not null or vendor is not null or device_type is not null or device_ids is not null)
);
create index fleet_maintenance_window_time on fleet_maintenance_window (ends_at, starts_at);

-- The heartbeat interval code (SCAIP hbi) Varde assigned the base unit in its last answer to a heartbeat: the
-- base's supervision class follows what it was told (varde.fleet.scaip-hbi-classes), not one class per protocol.
alter table device add column scaip_hbi text;
