package no.varde.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import no.varde.shared.TypedId;

/** An integration (a vendor platform or device fleet with its own credential); also the HTTP sender's identity. */
public record IntegrationId(@JsonValue UUID value) implements TypedId {

    public IntegrationId {
        Objects.requireNonNull(value, "integration id");
    }

    public static IntegrationId of(String text) {
        return new IntegrationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
