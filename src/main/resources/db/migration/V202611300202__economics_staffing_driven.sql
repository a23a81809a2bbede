-- Cost items whose FTE and amount come from the staffing plan (planning module) instead of a fixed amount.
-- No foreign key: a scenario is saved whole (items replaced), and a link to an item that is gone is ignored.
create table economics_staffing_driven_item (
    item_id     uuid primary key,
    scenario_id uuid not null,
    linked_by   text not null,
    linked_at   timestamptz not null default now()
);
