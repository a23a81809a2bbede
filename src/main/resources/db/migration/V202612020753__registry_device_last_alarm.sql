-- A device's last alarm moves from the fleet's own row (written by a durable listener after every alarm: a commit
-- and a row lock per alarm, which cut batch ingest to a fraction) to the device row, written by reception in its
-- one ordered update of the group's devices (last heard, battery, last alarm) inside the group commit.
alter table device add column last_alarm_at timestamptz;
update device d set last_alarm_at = f.last_alarm_at from fleet_device f where f.device_id = d.id and f.last_alarm_at is not null;
alter table fleet_device drop column last_alarm_at;
