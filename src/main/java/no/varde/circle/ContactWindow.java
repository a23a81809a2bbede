package no.varde.circle;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * The resident's wish about when a relative may be contacted, as a time of day not to send ("not between 23 and
 * 07"): from {@code notFrom} up to {@code notUntil}, across midnight when {@code notFrom} is later.
 */
public record ContactWindow(
        LocalTime notFrom, LocalTime notUntil, @Nullable String note) {

    public ContactWindow {
        if (notFrom.equals(notUntil)) {
            throw new IllegalArgumentException("a contact window needs two different times");
        }
    }

    /** Whether {@code time} falls in the period the resident does not want the relative contacted. */
    public boolean forbids(LocalTime time) {
        if (notFrom.isBefore(notUntil)) {
            return !time.isBefore(notFrom) && time.isBefore(notUntil);
        }
        return !time.isBefore(notFrom) || time.isBefore(notUntil);
    }

    public String label() {
        return "%02d–%02d".formatted(notFrom.getHour(), notUntil.getHour())
                + (notFrom.getMinute() != 0 || notUntil.getMinute() != 0 ? " (" + notFrom + "–" + notUntil + ")" : "");
    }
}
