-- The measures portfolio (tiltak): the need first, involvement, municipalities, cost per year of the økonomiplan,
-- the benefit indicators it is expected to move, and its stage.
create table benefits_measure (
    id          uuid primary key,
    need        text not null check (length(trim(need)) > 0),
    name        text not null check (length(trim(name)) > 0),
    owner       text not null,
    stage       text not null check (stage in ('IDEA', 'PLANNED', 'IN_BUDGET', 'IMPLEMENTED', 'REALISED')),
    economics_item text not null default '',
    changed_by  text not null,
    changed_at  timestamptz not null,
    version     integer not null default 0
);

create table benefits_measure_municipality (
    measure_id    uuid not null references benefits_measure (id) on delete cascade,
    kommunenummer char(4) not null,
    primary key (measure_id, kommunenummer)
);

create table benefits_measure_year (
    measure_id uuid not null references benefits_measure (id) on delete cascade,
    year       integer not null check (year between 2000 and 2100),
    cost       numeric(14, 2) not null check (cost >= 0),
    primary key (measure_id, year)
);

create table benefits_measure_involvement (
    id          bigint generated always as identity primary key,
    measure_id  uuid not null references benefits_measure (id) on delete cascade,
    party       text not null check (party in ('USERS', 'STAFF', 'OTHER')),
    description text not null,
    happened_on date not null,
    entered_by  text not null
);

create table benefits_measure_indicator (
    measure_id   uuid not null references benefits_measure (id) on delete cascade,
    indicator_id uuid not null references benefits_indicator (id) on delete cascade,
    primary key (measure_id, indicator_id)
);
