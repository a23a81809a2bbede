-- Raw bytes of received deliveries are kept for inspection for a limited time (varde.ingest.raw-retention); the
-- delivery row itself stays, because the events and their deduplication keys refer to it.
alter table received_delivery alter column raw drop not null;
alter table received_delivery add column raw_removed_at timestamptz;
