package no.varde.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A Norwegian municipality number: exactly four digits, e.g. {@code 1813} for Brønnøy. */
public record Kommunenummer(@JsonValue String value) implements Comparable<Kommunenummer> {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    public Kommunenummer {
        if (value == null || !FOUR_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("kommunenummer must be exactly four digits, was '" + value + "'");
        }
    }

    public static Kommunenummer of(String value) {
        return new Kommunenummer(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
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
