package no.varde.ingest.reception;

import java.util.List;

/** One receipt per event of a delivery, in the delivery's order. */
public record Receipt(List<EventReceipt> events) {

    public Receipt {
        events = List.copyOf(events);
    }
}
