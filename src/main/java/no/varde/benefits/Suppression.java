package no.varde.benefits;

import org.jspecify.annotations.Nullable;

/**
 * Small numbers can identify a person in a small municipality: a count from 1 to below the threshold is not
 * shown (null in JSON, "&lt; 5" on pages); 0 and larger counts are shown as they are.
 */
public record Suppression(int below) {

    public @Nullable Long count(long value) {
        return value > 0 && value < below ? null : value;
    }

    public boolean suppressed(long value) {
        return value > 0 && value < below;
    }

    public String text(long value) {
        return suppressed(value) ? "< " + below : Long.toString(value);
    }
}
