package no.varde.ingest.dc09;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The event inside a SIA-DCS or ADM-CID data block, keyed for the alarm-type table: Contact ID with its
 * qualifier ({@code E101} new, {@code R101} restore, {@code P101} previous), SIA-DCS by its two-letter code.
 */
record Dc09Event(
        String code, @Nullable String zone, @Nullable String partition, String description) {

    private static final Pattern CONTACT_ID = Pattern.compile("([136])(\\d{3})([0-9A-Fa-f]{2})([0-9A-Fa-f]{3})");
    private static final Pattern SIA_CODE = Pattern.compile("([A-Z]{2})(.*)");

    /** ADM-CID data: {@code #acct|1602 00 001} (qualifier, event, partition, zone). Null when not that shape. */
    static @Nullable Dc09Event contactId(String data) {
        String body = afterAccount(data).replaceAll("\\s+", "");
        Matcher matcher = CONTACT_ID.matcher(body);
        if (!matcher.matches()) {
            return null;
        }
        String qualifier = switch (matcher.group(1)) {
            case "1" -> "E";
            case "3" -> "R";
            default -> "P";
        };
        return new Dc09Event(
                qualifier + matcher.group(2),
                matcher.group(4),
                matcher.group(3),
                "Contact ID " + qualifier + matcher.group(2) + " partisjon " + matcher.group(3) + " sone "
                        + matcher.group(4));
    }

    /** SIA-DCS data: {@code #acct|Nri1/CL501}; modifiers (ri area, id user, ti time) before the code. */
    static @Nullable Dc09Event sia(String data) {
        String body = afterAccount(data).strip();
        if (body.isEmpty() || (body.charAt(0) != 'N' && body.charAt(0) != 'O')) {
            return null;
        }
        String partition = null;
        for (String token : body.substring(1).split("/")) {
            String part = token.strip();
            if (part.length() >= 2 && Character.isLowerCase(part.charAt(0))) {
                if (part.startsWith("ri")) {
                    partition = part.substring(2);
                }
                continue;
            }
            Matcher code = SIA_CODE.matcher(part);
            if (code.matches()) {
                String zone = code.group(2).strip();
                return new Dc09Event(
                        code.group(1).toUpperCase(Locale.ROOT),
                        zone.isEmpty() ? null : zone,
                        partition,
                        "SIA " + code.group(1) + (zone.isEmpty() ? "" : " sone " + zone)
                                + (partition == null ? "" : " område " + partition));
            }
        }
        return null;
    }

    private static String afterAccount(String data) {
        int bar = data.indexOf('|');
        return bar < 0 ? data : data.substring(bar + 1);
    }
}
