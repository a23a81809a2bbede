package no.varde.ingest.reception;

import java.util.List;

/**
 * What a delivery became: the delivery as stored, and one receipt per event in the delivery's order.
 *
 * @param delivery the stored raw copy of this delivery (a retransmission gets one of its own)
 */
public record Receipt(DeliveryId delivery, List<EventReceipt> events) {

    public Receipt {
        events = List.copyOf(events);
    }
}
