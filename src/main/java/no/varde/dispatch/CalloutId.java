package no.varde.dispatch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import no.varde.shared.TypedId;

/**
 * A call-out of a home-care team for an alarm. In the module's API package because both the call-out itself
 * ({@code dispatch.callout}) and the text messages sent for it ({@code dispatch.sms}) address it.
 */
public record CalloutId(@JsonValue UUID value) implements TypedId {

    public CalloutId {
        Objects.requireNonNull(value, "call-out id");
    }

    public static CalloutId of(String text) {
        return new CalloutId(UUID.fromString(text));
    }

    public static CalloutId random() {
        return new CalloutId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
