-- Issue 10, item 3: technician work orders. A TECHNICIAN role bound to one municipality or several, tasks that are
-- opened, assigned, done with a note and what was done, or cancelled with a reason, each change in the task's
-- history; overdue tasks escalate once to the municipality's administrators; a device swap is kept in both devices'
-- history.

-- Accounts: the technician is bound to a first municipality (user_account.kommunenummer, required as for home care
-- and municipal admins) and to any further ones in user_account_municipality. Administrators may have a mobile
-- number for escalations by text message.
alter table user_account drop constraint user_account_role_known;
alter table user_account
    add constraint user_account_role_known
        check (role in ('OPERATOR', 'SUPERVISOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'REGION_ANALYST', 'SYSTEM_ADMIN',
                        'TECHNICIAN')),
    add constraint user_account_technician_municipality
        check (role <> 'TECHNICIAN' or kommunenummer is not null),
    add column phone text check (phone ~ '^\+?[0-9]{8,15}$');

create table user_account_municipality (
    account_id    uuid not null references user_account (id) on delete cascade,
    kommunenummer char(4) not null references municipality (kommunenummer),
    primary key (account_id, kommunenummer)
);

-- Tasks: made by a rule (alarm and rule set) or by a person (no alarm), with a life of their own.
alter table fleet_task alter column alarm_id drop not null;
alter table fleet_task alter column rule_id drop not null;
alter table fleet_task alter column rule_version drop not null;
alter table fleet_task drop constraint fleet_task_state_check;
alter table fleet_task
    add constraint fleet_task_state_check check (state in ('OPEN', 'ASSIGNED', 'DONE', 'CANCELLED')),
    add column description    text,
    add column created_by     text not null default 'system:fleet-rule',
    add column assignee       text,
    add column assigned_at    timestamptz,
    add column closed_at      timestamptz,
    add column closed_by      text,
    add column outcome        text check (outcome in ('BATTERY_CHANGED', 'DEVICE_SWAPPED', 'REPAIRED',
                                                      'NO_FAULT_FOUND', 'OTHER')),
    add column note           text,
    add column cancel_reason  text,
    add column replacement_device_id uuid references device (id),
    add column escalated_at   timestamptz,
    add column version        integer not null default 0,
    add constraint fleet_task_assigned check (state <> 'ASSIGNED' or assignee is not null),
    add constraint fleet_task_done check (state <> 'DONE' or (outcome is not null and closed_at is not null)),
    add constraint fleet_task_cancelled check (state <> 'CANCELLED' or (cancel_reason is not null and closed_at is not null)),
    add constraint fleet_task_made_by check ((alarm_id is null) = (rule_id is null));
alter table fleet_task alter column created_by drop default;

drop index fleet_task_open;
create index fleet_task_active on fleet_task (kommunenummer, due_at) where state in ('OPEN', 'ASSIGNED');
create index fleet_task_to_escalate on fleet_task (due_at) where state in ('OPEN', 'ASSIGNED') and escalated_at is null;
create index fleet_task_device on fleet_task (device_id);

-- Who did what when, per task (the audit trail has the same, with the resident where one is concerned).
create table fleet_task_event (
    id       bigint generated always as identity primary key,
    task_id  bigint not null references fleet_task (id),
    at       timestamptz not null,
    actor    text not null,
    kind     text not null check (kind in ('CREATED', 'ASSIGNED', 'DONE', 'CANCELLED', 'ESCALATED', 'DEVICE_SWAPPED')),
    text     text
);
create index fleet_task_event_task on fleet_task_event (task_id, id);

insert into fleet_task_event (task_id, at, actor, kind, text)
select id, created_at, 'system:fleet-rule:' || rule_id || 'v' || rule_version, 'CREATED', title from fleet_task;

-- The registry's device history: a swap is written on both devices (the one leaving and the one taking over).
create table device_history (
    id              bigint generated always as identity primary key,
    device_id       uuid not null references device (id),
    at              timestamptz not null,
    actor           text not null,
    kind            text not null check (kind in ('SWAPPED_OUT', 'SWAPPED_IN')),
    other_device_id uuid references device (id),
    resident_id     uuid references resident (id),
    placement       text,
    note            text
);
create index device_history_device on device_history (device_id, id);
