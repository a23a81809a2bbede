-- The claim deadline the alarm type gave on reception, in its own column, never rewritten. Escalation used to move
-- claim_deadline forward on every round, so the time past the original deadline (the queue's third sort key and
-- the "overdue" time operators see) was lost. Escalation now happens once and leaves both columns alone.
alter table alarm add column original_claim_deadline timestamptz;

-- Alarms never escalated still have their original deadline; escalated ones get it back from their type's
-- deadline (60 s for unknown event codes, the default of varde.alarm.unknown-code-deadline).
update alarm a
set original_claim_deadline = case
    when a.escalated_at is null and not ('ESCALATED' = any(a.flags)) then a.claim_deadline
    else a.received_at + make_interval(secs => coalesce(
        (select m.claim_deadline_s from alarm_type_mapping m where m.source = a.source and m.code = a.source_code),
        60))
end;

-- Rows written by tools that predate the column (the pgbench scripts) take claim_deadline.
create function alarm_original_claim_deadline_default() returns trigger language plpgsql as $$
begin
    new.original_claim_deadline := coalesce(new.original_claim_deadline, new.claim_deadline);
    return new;
end;
$$;
create trigger alarm_original_claim_deadline_default before insert on alarm
    for each row execute function alarm_original_claim_deadline_default();

alter table alarm alter column original_claim_deadline set not null;

-- The deadline scan: unclaimed alarms not yet escalated (escalation happens once).
drop index if exists alarm_claim_deadline;
create index alarm_claim_deadline_due on alarm (original_claim_deadline)
    where state = 'RECEIVED' and not ('ESCALATED' = any(flags));
-- The queue: unclaimed first, then priority, then the original deadline.
drop index if exists alarm_open_queue;
create index alarm_open_queue on alarm ((state <> 'RECEIVED'), priority, original_claim_deadline)
    where state <> 'CLOSED';
