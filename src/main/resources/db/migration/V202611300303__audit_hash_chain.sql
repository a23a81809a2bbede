-- Tamper evidence for the audit trail: a hash chain over its entries, sealed in batches by one node at a time.
--
-- Each entry records the transaction that wrote it (txid). A seal covers the entries of transactions that had all
-- finished when it was made (below the snapshot's xmin), so an entry that commits late is never skipped, and the
-- writers never wait for the sealer or for each other. audit_chain holds one hash per entry in chain order:
-- hash(n) = sha256(hash(n-1) || entry n). The check command recomputes it and names the first broken entry.

alter table audit_event add column txid xid8 not null default pg_current_xact_id();
create index audit_event_txid on audit_event (txid, id);

create table audit_chain (
    seq      bigint primary key,
    event_id bigint not null unique,
    hash     bytea  not null
);

create table audit_seal (
    id         bigint generated always as identity primary key,
    sealed_at  timestamptz not null default now(),
    horizon    xid8 not null,      -- every entry of a transaction below this is in the chain
    first_seq  bigint,
    last_seq   bigint,
    last_hash  bytea
);

create trigger audit_chain_no_update before update or delete on audit_chain
    for each row execute function audit_event_is_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_event_is_append_only();
create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_event_is_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_event_is_append_only();
