package no.varde.ingest.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Fuzz target for the SIA DC-09 frame and payload parsers with arbitrary bytes as one frame. A frame is either
 * refused with its defect (no answer on the wire) or read into a header whose account and sequence are what the
 * specification allows; its payload — clear, or decrypted with the account's key — parses to a result or null, never
 * an exception that would drop the connection.
 *
 * <p>Random bytes almost never carry a correct CRC, so a fuzzer fed only whole frames spends its time on the CRC
 * check. An input that starts with {@code ~} is therefore taken as the frame's body (from the first quote on) and
 * given a correct CRC and length here, which lets the fuzzer explore the header, the payloads and decryption.
 */
public final class Dc09FrameFuzzTarget {

    /** The key encrypted frames are decrypted with (any key: what matters is that decryption never escapes). */
    private static final byte[] KEY = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private Dc09FrameFuzzTarget() {}

    /** Entry point for Jazzer's standalone driver ({@code bin/varde fuzz}). */
    public static void fuzzerTestOneInput(byte[] bytes) {
        check(bytes);
    }

    static void check(byte[] input) {
        byte[] bytes = input;
        if (input.length > 0 && input[0] == '~') {
            byte[] wrapped = Dc09Frame.wrap(new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1));
            bytes = Arrays.copyOfRange(wrapped, 1, wrapped.length - 1); // between LF and CR, as the decoder hands it
            assertThat(Dc09Frame.parse(bytes).defect())
                    .as("a body with its own CRC and length is never refused for them")
                    .isNotIn(Dc09Frame.Defect.BAD_CRC, Dc09Frame.Defect.BAD_LENGTH);
        }
        Dc09Frame.Parsed parsed = Dc09Frame.parse(bytes);
        if (parsed.frame() == null) {
            assertThat(parsed.defect()).isNotNull();
            return;
        }
        Dc09Frame frame = parsed.frame();
        assertThat(frame.account()).matches("[0-9A-Fa-f]{3,16}");
        assertThat(frame.sequence()).matches("\\d{4}");
        if (!frame.encrypted()) {
            Dc09Payload.parse(frame.rest());
            return;
        }
        String plain;
        try {
            plain = Dc09Aes.decrypt(KEY, frame.rest());
        } catch (GeneralSecurityException refused) {
            return; // answered DUH and kept, as the processor does
        }
        int bar = plain.indexOf('|');
        if (bar >= 0) {
            Dc09Payload.parse(plain.substring(bar + 1));
        }
    }
}
