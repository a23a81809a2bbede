package no.varde.ingest.reception;

import java.util.List;

/** What reception committed for a delivery: one receipt per event, in the delivery's order. */
public record Receipt(List<EventReceipt> events) {}
