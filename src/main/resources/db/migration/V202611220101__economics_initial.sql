-- Economics: the as-is survey, the assumptions of the analysis, and scenarios of cost items with split keys.

-- One answer per municipality. A municipality with no row, or a row whose cost cells are all null, did not
-- answer: the model estimates it at the reference cost per inhabitant.
create table economics_survey_answer (
    kommunenummer        char(4) primary key references municipality (kommunenummer),
    licence              numeric(14, 2) check (licence >= 0),
    operations_agreement numeric(14, 2) check (operations_agreement >= 0),
    integration          numeric(14, 2) check (integration >= 0),
    administration       numeric(14, 2) check (administration >= 0),
    storage_server       numeric(14, 2) check (storage_server >= 0),
    manual_hours         numeric(12, 2) check (manual_hours >= 0),
    active_devices       integer check (active_devices >= 0),
    service_recipients   integer check (service_recipients >= 0),
    alarms_per_year      integer check (alarms_per_year >= 0),
    handling_minutes     integer check (handling_minutes >= 0),
    updated_by           text not null,
    updated_at           timestamptz not null default now(),
    -- the five cost cells are either all answered or all empty
    check ((licence is null) = (operations_agreement is null)
       and (licence is null) = (integration is null)
       and (licence is null) = (administration is null)
       and (licence is null) = (storage_server is null)
       and (licence is null) = (manual_hours is null))
);

-- The assumptions of the analysis; one row. Without a row the configured defaults (varde.economics.*) apply.
create table economics_assumptions (
    id                            smallint primary key default 1 check (id = 1),
    reference_cost_per_inhabitant numeric(14, 2) not null check (reference_cost_per_inhabitant >= 0),
    salary_per_fte                numeric(14, 2) not null check (salary_per_fte > 0),
    hours_per_fte                 numeric(8, 2)  not null check (hours_per_fte > 0),
    horizon_years                 integer        not null check (horizon_years between 1 and 20),
    updated_by                    text not null,
    updated_at                    timestamptz not null default now()
);

create table economics_scenario (
    id                     uuid primary key,
    name                   text not null unique check (length(trim(name)) > 0),
    description            text not null default '',
    remaining_manual_share numeric(5, 2) not null default 0 check (remaining_manual_share between 0 and 100),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

-- A cost item of a scenario. split_key is e.g. 'FLAT:40;POPULATION:60' (integer percent weights adding to 100).
create table economics_cost_item (
    id          uuid primary key,
    scenario_id uuid not null references economics_scenario (id) on delete cascade,
    position    integer not null,
    name        text not null check (length(trim(name)) > 0),
    kind        text not null check (kind in ('ANNUAL', 'ONE_OFF')),
    amount      numeric(14, 2) not null check (amount >= 0),
    fte         numeric(8, 2) not null default 0 check (fte >= 0),
    split_key   text not null,
    created_at  timestamptz not null default now()
);
create index economics_cost_item_scenario on economics_cost_item (scenario_id, position);
