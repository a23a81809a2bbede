-- Issue 11: a call-out still active when the operator closes the alarm (or takes it back) is cancelled, and the
-- workers who were sent it get a cancellation SMS.
alter table callout drop constraint if exists callout_state_check;
alter table callout
    add constraint callout_state_known
        check (state in ('NOTIFIED', 'ACCEPTED', 'DECLINED', 'ARRIVED', 'DONE', 'ESCALATED', 'CANCELLED')),
    add column cancelled_at timestamptz;
