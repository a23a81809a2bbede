-- Two database roles (docs/production.md): the owner runs these migrations and owns every table; the application
-- connects as ${app_role} with only the grants below. Above all it may read and append to the audit trail but never
-- change or delete it, nor disable its triggers (only an owner may ALTER TABLE). The grants also cover the tables
-- of later migrations (default privileges of the owner). A deployment without a separate application role (the
-- role does not exist, or the application runs as the owner) keeps working, without that protection.
do $$
declare
    app    text := '${app_role}';
    schema text := current_schema();
begin
    if app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        raise notice 'VARDE-DB-0020: no separate application role "%": the application runs as the owner', app;
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema, app);
    execute format('grant usage, select on all sequences in schema %I to %I', schema, app);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   schema, app);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema, app);
    -- the audit trail and its hash chain: read and append only
    execute format('revoke update, delete, truncate on audit_event, audit_chain, audit_seal from %I', app);
    -- the migrations' history is the owner's
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
end
$$;
