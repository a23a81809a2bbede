package no.varde.ingest.reception;

import com.fasterxml.jackson.annotation.JsonValue;
import no.varde.shared.TypedId;

/**
 * One stored delivery ({@code received_delivery}): the raw bytes of one HTTP request or batch, SCAIP mrq or DC-09
 * frame, under which its events were recorded. Every accepted delivery gets one, a retransmission too (the raw
 * copy is kept; its events answer from the first time).
 */
public record DeliveryId(@JsonValue long value) implements TypedId {

    public DeliveryId {
        if (value < 1) {
            throw new IllegalArgumentException("a delivery id is a positive number, was " + value);
        }
    }

    public static DeliveryId of(String text) {
        return new DeliveryId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
