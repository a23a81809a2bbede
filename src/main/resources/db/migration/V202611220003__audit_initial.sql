-- Audit: an append-only log of every read and write of personal data (Normen: who, what, when, why).

create table audit_event (
    id                 bigint generated always as identity primary key,
    occurred_at        timestamptz not null default now(),
    username           text not null,
    role               text not null,
    action             text not null check (action in ('READ', 'SEARCH', 'CREATE', 'UPDATE', 'IMPORT', 'EXPORT')),
    resident_id        uuid,
    kommunenummer      char(4),
    what               text not null,
    channel            text not null,
    purpose            text not null,
    client_address     text
);
create index audit_event_kommune_time on audit_event (kommunenummer, occurred_at desc);
create index audit_event_resident on audit_event (resident_id, occurred_at desc);

-- The audit trail can be read and appended to, never changed or removed.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'VARDE-AUDIT-0001: the audit log is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
