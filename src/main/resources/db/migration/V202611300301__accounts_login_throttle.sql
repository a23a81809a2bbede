-- Login throttling: failed password sign-ins and temporary locks per account (username) and per remote address.
-- Kept in the database so that a lock holds on every node.

create table login_failure (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    username       text not null,
    remote_address text not null
);
create index login_failure_username on login_failure (username, occurred_at);
create index login_failure_address on login_failure (remote_address, occurred_at);
create index login_failure_time on login_failure (occurred_at);

-- One row per locked (or once locked, or reset) account or address. Failures count from count_since on, so a
-- lock that has run out, or a successful sign-in, starts the count afresh.
create table login_lock (
    kind         text not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key          text not null,
    locked_until timestamptz,
    count_since  timestamptz not null,
    primary key (kind, key)
);
