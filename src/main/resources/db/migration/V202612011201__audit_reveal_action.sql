-- One more kind of audit line: REVEAL, a masked national id shown in full because the user asked for it (the
-- resident page shows only the birth-date part until then). Only the check constraint changes: the table stays
-- append-only, the application role keeps INSERT and SELECT only, and the hash chain covers the action as text.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'SEARCH', 'CREATE', 'UPDATE', 'IMPORT', 'EXPORT', 'REFUSED', 'TRANSFER', 'REVEAL'));
