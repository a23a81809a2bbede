-- Journal: each municipality's VKP/EPJ endpoint and HelseID client, and the outbox of VKP documents.

-- One row per municipality that documents through VKP. Without a row, or with enabled = false, nothing is sent.
create table journal_endpoint (
    kommunenummer       char(4) primary key references municipality (kommunenummer),
    enabled             boolean not null default false,
    base_url            text not null,
    organisation_number text not null check (organisation_number ~ '^[0-9]{9}$'),
    client_id           text not null,
    token_endpoint      text not null,
    private_key         text not null,  -- a reference to the client's RSA key in PKCS#8 PEM (file:, classpath:)
    scope               text not null default 'nhn:vkp/api/user/bundle.write',
    updated_at          timestamptz not null
);

-- One document per closed alarm: the outbox row holds the exact bytes that are (or would be) sent.
-- PENDING rows are delivered (and retried) by any node; ACCEPTED is final and never sent again.
create table journal_delivery (
    id              uuid primary key,
    alarm_id        uuid not null unique references alarm (id),
    kommunenummer   char(4),
    status          text not null check (status in ('PENDING', 'ACCEPTED', 'FAILED', 'HELD', 'SKIPPED_DISABLED')),
    document        text not null,
    reasons         text,            -- why HELD (validation errors), FAILED (OperationOutcome) or skipped
    attempts        integer not null default 0,
    last_error      text,
    http_status     integer,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    accepted_at     timestamptz,
    failed_at       timestamptz
);
create index journal_delivery_due on journal_delivery (next_attempt_at) where status = 'PENDING';
create index journal_delivery_failed on journal_delivery (failed_at) where status = 'FAILED';
