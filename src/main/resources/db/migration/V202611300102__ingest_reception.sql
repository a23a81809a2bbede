-- Reception: every protocol's deliveries (raw bytes kept) and the events they carried. (source, sender, key) is
-- the sender's identity of an event and the deduplication key across all nodes; SCAIP and DC-09 reuse keys after
-- their window, so a key seen before the window is taken over by the new event.

create table received_delivery (
    id           bigint generated always as identity primary key,
    source       text not null check (source in ('HTTP', 'SCAIP', 'SIA')),
    sender       text not null,
    content_type text,
    received_at  timestamptz not null,
    raw          bytea not null,
    legacy_event text -- only for the rows moved from ingest_event below
);

create table received_event (
    source      text not null check (source in ('HTTP', 'SCAIP', 'SIA')),
    sender      text not null,
    event_key   text not null,
    received_at timestamptz not null,
    alarm_id    uuid references alarm (id),       -- null for supervision events (no alarm row)
    supervision boolean not null default false,
    delivery_id bigint not null references received_delivery (id),
    primary key (source, sender, event_key)
);
create index received_event_delivery on received_event (delivery_id);
create index received_delivery_time on received_delivery (received_at);

insert into received_delivery (source, sender, content_type, received_at, raw, legacy_event)
select 'HTTP', integration_id::text, 'application/json', received_at, convert_to(raw::text, 'UTF8'),
       integration_id::text || ' ' || event_id
from ingest_event;

insert into received_event (source, sender, event_key, received_at, alarm_id, delivery_id)
select 'HTTP', e.integration_id::text, e.event_id, e.received_at, e.alarm_id, d.id
from ingest_event e join received_delivery d on d.legacy_event = e.integration_id::text || ' ' || e.event_id;

alter table received_delivery drop column legacy_event;
drop table ingest_event;
