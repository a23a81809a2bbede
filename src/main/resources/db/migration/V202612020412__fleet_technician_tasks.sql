-- A fourth rule kind (issue 10, item 2): a technical alarm becomes a technician task (work order) with a due time,
-- and the alarm is closed by the rule that handed it over. The task record is minimal: the full work-order flow
-- (assign, done with a note, the TECHNICIAN role, escalation of overdue tasks) is issue 10's item 3, not built yet.

alter table fleet_rule drop constraint fleet_rule_kind_check;
alter table fleet_rule add constraint fleet_rule_kind_check
    check (kind in ('WAIT_FOR_RESTORE', 'AUTO_CLOSE', 'RAISE_TO_OPERATOR', 'TECHNICIAN_TASK'));
alter table fleet_rule add column task_due_s integer check (task_due_s > 0);
alter table fleet_rule add constraint fleet_rule_task_due check ((kind = 'TECHNICIAN_TASK') = (task_due_s is not null));
alter table fleet_rule_version add column task_due_s integer;

create table fleet_task (
    id             bigint generated always as identity primary key,
    kommunenummer  char(4) not null,
    device_id      uuid not null references device (id),
    alarm_id       uuid not null unique references alarm (id),
    rule_id        bigint not null references fleet_rule (id),
    rule_version   integer not null,
    title          text not null,
    state          text not null default 'OPEN' check (state in ('OPEN', 'DONE')),
    created_at     timestamptz not null,
    due_at         timestamptz not null
);
create index fleet_task_open on fleet_task (kommunenummer, due_at) where state = 'OPEN';

-- SCAIP battery low: a technician changes the battery within 3 days instead of an operator following it up.
insert into fleet_rule (source, code, device_type, kind, task_due_s, note, updated_by) values
    ('SCAIP', '0003:0016', null, 'TECHNICIAN_TASK', 259200, 'Batteri lavt: tekniker bytter batteri innen 3 dager', 'migration'),
    ('SCAIP', '0004:0016', null, 'TECHNICIAN_TASK', 259200, 'Batteri lavt: tekniker bytter batteri innen 3 dager', 'migration'),
    ('SCAIP', '0005:0016', null, 'TECHNICIAN_TASK', 259200, 'Batteri lavt: tekniker bytter batteri innen 3 dager', 'migration'),
    ('SCAIP', '0031:0016', null, 'TECHNICIAN_TASK', 259200, 'Batteri lavt: tekniker bytter batteri innen 3 dager', 'migration');
insert into fleet_rule_version (rule_id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note,
    changed_by, changed_at)
select id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note, updated_by, updated_at
from fleet_rule where kind = 'TECHNICIAN_TASK';
