package no.varde.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ResidentId(@JsonValue UUID value) {

    public static ResidentId of(String text) {
        return new ResidentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
