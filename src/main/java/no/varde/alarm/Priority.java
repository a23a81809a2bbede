package no.varde.alarm;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An alarm's priority, 1 (most urgent) to 5, from the classification table; a repeat within the repeat window is
 * raised one step (never above 1). Written as its number in JSON, pages and the NOTIFY payload.
 */
public record Priority(@JsonValue int value) implements Comparable<Priority> {

    public static final Priority HIGHEST = new Priority(1);

    public Priority {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("a priority is 1 to 5, was " + value);
        }
    }

    public static Priority of(int value) {
        return new Priority(value);
    }

    public static Priority of(String text) {
        return new Priority(Integer.parseInt(text.strip()));
    }

    /** One step more urgent, at most {@link #HIGHEST}. */
    public Priority raised() {
        return new Priority(Math.max(1, value - 1));
    }

    @Override
    public int compareTo(Priority other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
