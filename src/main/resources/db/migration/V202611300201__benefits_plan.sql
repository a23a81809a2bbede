-- The benefit plan (gevinstrealiseringsplan): indicators with baseline and target, and values measured by hand.
-- Values measured from operations are computed on demand from the alarm record and never stored here.
create table benefits_indicator (
    id                   uuid primary key,
    name                 text not null,
    area                 text not null check (area in ('QUALITY', 'TIME_SAVED', 'COST_AVOIDED')),
    unit                 text not null,
    owner_kommunenummer  char(4),
    baseline             numeric(14, 2) not null,
    baseline_note        text not null default '',
    target               numeric(14, 2) not null,
    start_month          date not null,
    target_month         date not null check (target_month > start_month),
    source               text not null check (source in ('MANUAL', 'RULE_HOURS', 'ANSWER_SHARE')),
    minutes_per_alarm    numeric(8, 2) check (minutes_per_alarm >= 0),
    changed_by           text not null,
    changed_at           timestamptz not null
);

create table benefits_measurement (
    id             bigint generated always as identity primary key,
    indicator_id   uuid not null references benefits_indicator (id) on delete cascade,
    month          date not null,
    kommunenummer  char(4),
    value          numeric(14, 2) not null,
    note           text not null default '',
    entered_by     text not null,
    entered_at     timestamptz not null
);
create index benefits_measurement_indicator on benefits_measurement (indicator_id, month);
