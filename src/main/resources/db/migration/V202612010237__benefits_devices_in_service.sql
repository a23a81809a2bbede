-- Devices in service per municipality at the end of each month. The registry knows only today's devices, so the
-- benefits module records the count as the month goes (the last recording of a month is its month-end figure).
create table benefits_devices_in_service (
    kommunenummer  char(4) not null,
    month          date not null check (extract(day from month) = 1),
    devices        bigint not null check (devices >= 0),
    recorded_at    timestamptz not null,
    primary key (kommunenummer, month)
);
