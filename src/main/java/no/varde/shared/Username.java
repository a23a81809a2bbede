package no.varde.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/** The user name of a signed-in Varde user (an operator, supervisor or administrator), as they sign in. */
public record Username(@JsonValue String value) implements TypedId {

    public Username {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a user name must not be blank");
        }
    }

    public static Username of(String text) {
        return new Username(text == null ? null : text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
