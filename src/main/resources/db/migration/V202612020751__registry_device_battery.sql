-- The fleet dashboard (issue 10, item 7) shows devices whose battery runs low. A device reports its battery level
-- with heartbeats and alarms (HTTP batteryPercent); reception keeps the latest level and when it was reported.
alter table device add column battery_percent smallint check (battery_percent between 0 and 100);
alter table device add column battery_at timestamptz;
create index device_battery_low on device (kommunenummer) where battery_percent is not null and status = 'ACTIVE';
