-- Chain supervision (issue 10 item 6): the alarm chain is occurred (device) -> received -> first shown to an
-- operator -> claimed. "First shown" is the first time the alarm, still waiting (RECEIVED), was rendered to an
-- operator or supervisor: in the console queue (the tab of its category, the whole queue or its live row) or on its
-- alarm page. Written once by a conditional update, never changed after.
alter table alarm add column first_shown_at timestamptz;
alter table alarm add column first_shown_by text;

-- Supervision itself stopped (issue 10 item 7): one row per stop of a lease, noticed by any node that finds no pass
-- within lease-ttl + 2 x check-period; resumed_at is set when passes come again. The partial unique index keeps it
-- to one open stop per lease however many nodes notice it, so system administrators get one message per stop.
create table fleet_supervision_stop (
    id           bigint generated always as identity primary key,
    lease_name   text not null,
    last_pass_at timestamptz,
    noticed_at   timestamptz not null,
    noticed_by   text not null,
    message_id   uuid,
    resumed_at   timestamptz
);
create unique index fleet_supervision_stop_open on fleet_supervision_stop (lease_name) where resumed_at is null;
