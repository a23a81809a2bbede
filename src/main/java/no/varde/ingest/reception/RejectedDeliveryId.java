package no.varde.ingest.reception;

import com.fasterxml.jackson.annotation.JsonValue;
import no.varde.shared.TypedId;

/**
 * Malformed input kept raw with its reasons ({@code rejected_input}). A type of its own, not a {@link DeliveryId}:
 * the two are numbered apart, and a rejected delivery's number never names a stored delivery.
 */
public record RejectedDeliveryId(@JsonValue long value) implements TypedId {

    public RejectedDeliveryId {
        if (value < 1) {
            throw new IllegalArgumentException("a rejected delivery's id is a positive number, was " + value);
        }
    }

    public static RejectedDeliveryId of(String text) {
        return new RejectedDeliveryId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
