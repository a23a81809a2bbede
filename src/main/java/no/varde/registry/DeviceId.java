package no.varde.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import no.varde.shared.TypedId;

public record DeviceId(@JsonValue UUID value) implements TypedId {

    public static DeviceId of(String text) {
        return new DeviceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
