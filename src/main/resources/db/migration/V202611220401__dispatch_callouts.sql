-- Dispatch (utrykning): call-outs to a municipality's home-care team, the signed links sent to each contact,
-- and every outgoing SMS (sent, held in the outbox, or failed with its reason).

-- One call-out per dispatch of an alarm. The chain is copied at dispatch time, so editing a team's chain never
-- changes whom a running call-out notifies next.
create table callout (
    id                uuid primary key,
    alarm_id          uuid not null references alarm (id),
    dispatched_at     timestamptz not null,
    kommunenummer     char(4) not null,
    team_id           uuid not null,
    team_name         text not null,
    operator          text not null,
    message           text,
    position          integer not null,          -- the contact notified last (1 = first of the chain)
    token_id          uuid,                      -- that contact's link
    round             integer not null default 1, -- 2 and more: the whole chain was tried without acceptance
    state             text not null check (state in ('NOTIFIED', 'ACCEPTED', 'DECLINED', 'ARRIVED', 'DONE', 'ESCALATED')),
    accepted_position integer,
    accepted_by       text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    accepted_at       timestamptz,
    arrived_at        timestamptz,
    done_at           timestamptz,
    unique (alarm_id, dispatched_at)
);
create index callout_alarm on callout (alarm_id);

create table callout_contact (
    callout_id uuid not null references callout (id),
    position   integer not null,
    name       text not null,
    role_title text,
    phone      text not null,
    primary key (callout_id, position)
);

-- Each signed link handed out. The token carries its id; a token whose id is not here is refused.
create table callout_link (
    token_id       uuid primary key,
    callout_id     uuid not null references callout (id),
    position       integer not null,
    reason         text not null check (reason in ('FIRST', 'DECLINED', 'ESCALATED', 'CHAIN_RESTARTED')),
    issued_at      timestamptz not null,
    expires_at     timestamptz not null,
    opened_at      timestamptz,
    declined_at    timestamptz,
    decline_reason text,
    foreign key (callout_id, position) references callout_contact (callout_id, position)
);
create index callout_link_callout on callout_link (callout_id, position);

-- Every outgoing message, whichever gateway carries it. PENDING rows are delivered (and retried) by any node.
create table sms_message (
    id              uuid primary key,
    callout_id      uuid references callout (id),
    recipient_name  text not null,
    recipient       text not null,
    text            text not null,
    gateway         text not null check (gateway in ('OUTBOX', 'HTTP')),
    status          text not null check (status in ('PENDING', 'SENT', 'OUTBOX', 'FAILED')),
    attempts        integer not null default 0,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
create index sms_message_due on sms_message (next_attempt_at) where status = 'PENDING';
create index sms_message_created on sms_message (created_at desc);
