-- Population projections by municipality, year and age group (imported from Statistics Norway's CSV format).
-- An import replaces the whole table; the file it came from is recorded.
create table planning_population (
    kommunenummer char(4) not null,
    year          integer not null check (year between 2000 and 2100),
    age_group     text not null check (age_group in ('AGE_0_66', 'AGE_67_79', 'AGE_80_89', 'AGE_90_PLUS')),
    persons       bigint not null check (persons >= 0),
    primary key (kommunenummer, year, age_group)
);

create table planning_population_import (
    id          integer primary key check (id = 1),
    file_name   text not null,
    label       text not null,
    imported_by text not null,
    imported_at timestamptz not null
);
