-- Issue 11: the response centre's supervisor on duty (SUPERVISOR) works in a response centre like an operator,
-- and every account remembers its light/dark choice (null: follow the operating system).
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'user_account'::regclass and contype = 'c'
               and (pg_get_constraintdef(oid) like '%role = ANY%'
                    or pg_get_constraintdef(oid) like '%response_centre_id IS NOT NULL%')
    loop
        execute format('alter table user_account drop constraint %I', c.conname);
    end loop;
end $$;

alter table user_account
    add constraint user_account_role_known
        check (role in ('OPERATOR', 'SUPERVISOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'REGION_ANALYST', 'SYSTEM_ADMIN')),
    add constraint user_account_centre_for_alarm_handlers
        check (role not in ('OPERATOR', 'SUPERVISOR') or response_centre_id is not null),
    add column theme text check (theme in ('LIGHT', 'DARK'));
