package no.varde.ingest.scaip;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A SCAIP request ({@code <mrq>}) as parsed leniently: every element's text by its lower-case name, with the
 * mandatory ones ({@code ref}, {@code cid}, {@code dty}) present and normalised.
 *
 * @param cid the controller id, digits only (devices send it with spaces)
 * @param dty the device type, four digits
 * @param elements every element's trimmed text (unknown ones too), for the operator and the record
 */
public record Mrq(
        String ref,
        String cid,
        String dty,
        @Nullable Double latitude,
        @Nullable Double longitude,
        Map<String, String> elements) {

    /** {@code mty}: ME alarm message (also when missing), RE reset, IN info, PI heartbeat. */
    public String messageType() {
        String mty = get("mty");
        return mty == null ? "ME" : mty.toUpperCase(Locale.ROOT);
    }

    /** The status code, four digits, or null when the device sent none. */
    public @Nullable String statusCode() {
        String stc = get("stc");
        return stc == null ? null : pad(stc);
    }

    /** The classification key: {@code dty:stc}, both four digits ({@code 0003:0010}); no stc reads as 0000. */
    public String code() {
        String stc = statusCode();
        return dty + ":" + (stc == null ? "0000" : stc);
    }

    /** Heartbeats and test transmissions are supervision: they never become an alarm. */
    public boolean supervision() {
        String stc = statusCode();
        return "PI".equals(messageType()) || "0102".equals(stc) || "0103".equals(stc);
    }

    public @Nullable String deviceId() {
        String did = get("did");
        return did == null ? null : did.replaceAll("\\s+", "");
    }

    public @Nullable String get(String element) {
        String value = elements.get(element);
        return value == null || value.isBlank() ? null : value;
    }

    /** Left-pads a number to four digits ({@code 3} → {@code 0003}); other text is kept as sent, upper case. */
    static String pad(String number) {
        String digits = number.strip();
        if (digits.matches("\\d{1,4}")) {
            return "0".repeat(4 - digits.length()) + digits;
        }
        if (digits.matches("\\d+")) {
            String trimmed = digits.replaceFirst("^0+(?=\\d{4})", "");
            return trimmed;
        }
        return digits.toUpperCase(Locale.ROOT);
    }
}
