package no.varde.alarm;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import no.varde.shared.TypedId;

public record AlarmId(@JsonValue UUID value) implements TypedId {

    public static AlarmId of(String text) {
        return new AlarmId(UUID.fromString(text));
    }

    public static AlarmId random() {
        return new AlarmId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
