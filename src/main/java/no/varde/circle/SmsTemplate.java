package no.varde.circle;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A message to relatives as a system administrator wrote it, in Norwegian. Placeholders: {@code {pårørende}} (the
 * relative's first name) and {@code {beboer}} (the resident's first name). Nothing else about the resident goes
 * into a message: no address, no national id, no health details; free text only where the template allows it.
 */
public record SmsTemplate(String code, String name, String body, boolean allowFreeText, int position) {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    /** The text for one relative; the signed link is added by the caller. */
    public String render(String relativeName, String residentGivenName, @Nullable String freeText) {
        String text = body.replace("{pårørende}", firstName(relativeName)).replace("{beboer}", residentGivenName);
        if (freeText != null && !freeText.isBlank()) {
            if (!allowFreeText) {
                throw new IllegalArgumentException("template " + code + " does not allow free text");
            }
            text = text + " " + freeText.strip();
        }
        return text;
    }

    private static String firstName(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
