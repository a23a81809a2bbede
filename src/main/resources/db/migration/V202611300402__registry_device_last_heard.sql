-- When a device was last heard from (heartbeat, test transmission, DC-09 NULL): the fleet supervision reads it.
alter table device add column last_heard_at timestamptz;
