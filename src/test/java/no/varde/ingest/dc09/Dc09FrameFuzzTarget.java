package no.varde.ingest.dc09;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target for the SIA DC-09 frame and payload parsers with arbitrary bytes as one frame. A frame is either
 * refused with its defect (no answer on the wire) or read into a header whose account and sequence are what the
 * specification allows; its payload parses to a result or null, never an exception that would drop the connection.
 */
public final class Dc09FrameFuzzTarget {

    private Dc09FrameFuzzTarget() {}

    /** Entry point for Jazzer's standalone driver ({@code bin/varde fuzz}). */
    public static void fuzzerTestOneInput(byte[] bytes) {
        check(bytes);
    }

    static void check(byte[] bytes) {
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
        }
    }
}
