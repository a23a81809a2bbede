-- Ingest: integration credentials, received events (the deduplication key), and rejected raw input.

create table integration (
    id           uuid primary key,
    name         text not null unique check (length(trim(name)) > 0),
    -- SHA-256 of the high-entropy secret (32 random bytes); the secret itself is shown once at creation
    secret_hash  bytea not null,
    enabled      boolean not null default true,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    last_used_at timestamptz
);

-- One row per event a sender delivered. (integration, event id) is the sender's identity of the event: a
-- retransmission finds its row and gets the same answer.
create table ingest_event (
    integration_id uuid not null references integration (id),
    event_id       text not null,
    alarm_id       uuid not null references alarm (id),
    received_at    timestamptz not null,
    raw            jsonb not null,
    primary key (integration_id, event_id)
);

create table rejected_input (
    id           bigint generated always as identity primary key,
    received_at  timestamptz not null default now(),
    source       text not null,
    sender       text,
    content_type text,
    body         bytea not null,
    problems     jsonb not null
);
create index rejected_input_time on rejected_input (received_at desc);
