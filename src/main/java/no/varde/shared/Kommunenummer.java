package no.varde.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Norwegian municipality number: exactly four digits, e.g. {@code 1813} for Brønnøy. A {@link TypedId}, so
 * controllers take {@code @PathVariable Kommunenummer} and the one converter refuses malformed text (404 on pages,
 * 400 problem details naming the parameter in the API) instead of each controller parsing it again.
 */
public record Kommunenummer(@JsonValue String value) implements TypedId, Comparable<Kommunenummer> {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    public Kommunenummer {
        if (value == null || !FOUR_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("kommunenummer must be exactly four digits, was '" + value + "'");
        }
    }

    public static Kommunenummer of(String value) {
        return new Kommunenummer(value == null ? null : value.strip());
    }

    /** The text as a kommunenummer, or empty when it is none (null, blank or not four digits). */
    public static Optional<Kommunenummer> parse(@Nullable String text) {
        return isValid(text) ? Optional.of(of(text)) : Optional.empty();
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && FOUR_DIGITS.matcher(value.strip()).matches();
    }

    @Override
    public int compareTo(Kommunenummer other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
