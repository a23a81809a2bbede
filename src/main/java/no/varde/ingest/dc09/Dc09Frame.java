package no.varde.ingest.dc09;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One DC-09 frame as received between LF and CR: {@code CRC 0LLL "id"seq[Rrcvr][Lpref]#acct[...}. The receiver
 * and prefix fields are optional (some transmitters leave them out).
 *
 * @param rest everything after the {@code [}: clear data, x-data and timestamp, or the encrypted hex
 */
record Dc09Frame(
        boolean encrypted,
        String id,
        String sequence,
        @Nullable String receiver,
        @Nullable String prefix,
        String account,
        String rest) {

    private static final Pattern HEADER = Pattern.compile(
            "\"(\\*?)([A-Z0-9-]{3,16})\"(\\d{4})(R[0-9A-Fa-f]{1,6})?(L[0-9A-Fa-f]{1,6})?#([0-9A-Fa-f]{3,16})\\[(.*)",
            Pattern.DOTALL);

    /** Why a frame gets no processing at all. */
    enum Defect {
        TOO_SHORT,
        BAD_LENGTH,
        BAD_CRC,
        BAD_HEADER
    }

    /** The frame, or the defect that makes it unreadable. */
    record Parsed(@Nullable Dc09Frame frame, @Nullable Defect defect) {}

    /** Checks CRC and length (both over the bytes from the first quote to CR) and reads the header. */
    static Parsed parse(byte[] bytes) {
        if (bytes.length < 9) {
            return new Parsed(null, Defect.TOO_SHORT);
        }
        String head = new String(bytes, 0, 8, StandardCharsets.US_ASCII);
        int crc;
        int length;
        try {
            crc = Integer.parseInt(head.substring(0, 4), 16);
            length = Integer.parseInt(head.substring(4, 8), 16);
        } catch (NumberFormatException e) {
            return new Parsed(null, Defect.TOO_SHORT);
        }
        if (length != bytes.length - 8) {
            return new Parsed(null, Defect.BAD_LENGTH);
        }
        if (Dc09Crc.of(bytes, 8, bytes.length) != crc) {
            return new Parsed(null, Defect.BAD_CRC);
        }
        Matcher matcher = HEADER.matcher(new String(bytes, 8, bytes.length - 8, StandardCharsets.ISO_8859_1));
        if (!matcher.matches()) {
            return new Parsed(null, Defect.BAD_HEADER);
        }
        return new Parsed(
                new Dc09Frame(
                        !matcher.group(1).isEmpty(),
                        matcher.group(2),
                        matcher.group(3),
                        matcher.group(4),
                        matcher.group(5),
                        matcher.group(6).toUpperCase(java.util.Locale.ROOT),
                        matcher.group(7)),
                null);
    }

    /** The header of an answer echoing this frame's sequence, receiver, prefix and account. */
    String answerHeader(String answerId) {
        return "\"" + answerId + "\"" + sequence + (receiver == null ? "" : receiver) + (prefix == null ? "" : prefix)
                + "#" + account + "[";
    }

    /** LF, CRC, length, body, CR: a whole frame to send. */
    static byte[] wrap(String body) {
        byte[] content = body.getBytes(StandardCharsets.ISO_8859_1);
        String head = String.format("%04X%04X", Dc09Crc.of(content, 0, content.length), content.length);
        byte[] out = new byte[content.length + 10];
        out[0] = '\n';
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 1, 8);
        System.arraycopy(content, 0, out, 9, content.length);
        out[out.length - 1] = '\r';
        return out;
    }
}
