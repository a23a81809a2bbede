-- Reception port (DirectReception): the deduplication keys of protocol deliveries. (source, sender, key) is the
-- sender's identity of an event (SCAIP cid + ref, DC-09 account + sequence); a key seen again within its window
-- gets the same answer, a key seen after its window (devices reuse refs, sequences wrap) replaces the row.
create table reception_key (
    source      text not null,
    sender      text not null,
    key         text not null,
    received_at timestamptz not null,
    expires_at  timestamptz,            -- null: never (HTTP event ids)
    alarm_id    uuid references alarm (id),
    supervision boolean not null,
    raw         bytea not null,
    primary key (source, sender, key)
);
