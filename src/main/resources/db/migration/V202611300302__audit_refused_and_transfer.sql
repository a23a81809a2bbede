-- Two more kinds of audit line: REFUSED (an attempt the application turned down, e.g. registering a resident with
-- a national id already registered in another municipality) and TRANSFER (a resident moved between municipalities).
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'SEARCH', 'CREATE', 'UPDATE', 'IMPORT', 'EXPORT', 'REFUSED', 'TRANSFER'));
