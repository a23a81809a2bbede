package no.varde.ingest.dc09;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The readable part of a frame (clear, or decrypted with the padding removed): {@code data]}, optional
 * {@code [x-data]} blocks, optional {@code _HH:MM:SS,MM-DD-YYYY} (UTC).
 */
record Dc09Payload(
        String data, @Nullable String extended, @Nullable Instant timestamp) {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("HH:mm:ss,MM-dd-yyyy");
    private static final Pattern TAIL =
            Pattern.compile("((?:\\[[^\\]]*\\])*)\\s*(?:_(\\d{2}:\\d{2}:\\d{2},\\d{2}-\\d{2}-\\d{4}))?\\s*");

    /** Null when the text does not have this shape. */
    static @Nullable Dc09Payload parse(String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            return null;
        }
        Matcher tail = TAIL.matcher(text.substring(close + 1));
        if (!tail.matches()) {
            return null;
        }
        Instant timestamp = null;
        if (tail.group(2) != null) {
            try {
                timestamp = LocalDateTime.parse(tail.group(2), TIMESTAMP).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String extended = tail.group(1).isEmpty() ? null : tail.group(1);
        return new Dc09Payload(text.substring(0, close), extended, timestamp);
    }

    static String timestamp(Instant at) {
        return "_" + TIMESTAMP.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
