-- Supervision (heartbeats, test transmissions, DC-09 NULL frames) records when a device was last heard from
-- instead of creating an alarm row for every heartbeat.
alter table device add column last_heard_at timestamptz;
alter table device add column last_test_at timestamptz;
