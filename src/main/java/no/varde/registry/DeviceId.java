package no.varde.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record DeviceId(@JsonValue UUID value) {

    public static DeviceId of(String text) {
        return new DeviceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
