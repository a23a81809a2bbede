package no.varde.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * A resident (tjenestemottaker) of the registry. In {@code shared} because the id crosses every module that holds
 * or audits personal data (alarms, console, dispatch, journal, audit) while the resident itself stays in the
 * registry.
 */
public record ResidentId(@JsonValue UUID value) implements TypedId {

    public ResidentId {
        java.util.Objects.requireNonNull(value, "resident id");
    }

    public static ResidentId of(String text) {
        return new ResidentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
