package no.varde.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import no.varde.ingest.scaip.MrqParser;

/**
 * Fuzz target for the SCAIP {@code <mrq>} parser with arbitrary bytes as a SIP MESSAGE body. Whatever arrives, the
 * parser answers with a SCAIP negative code (1 too long, 2 invalid format, 3 wrong data, 7 mandatory tag missing) or a
 * message
 * with the three mandatory elements and a position in range; no exception escapes into the SIP stack.
 */
public final class MrqParserFuzzTarget {

    private MrqParserFuzzTarget() {}

    /** Entry point for Jazzer's standalone driver ({@code bin/varde fuzz}). */
    public static void fuzzerTestOneInput(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        MrqParser.Result result = MrqParser.parse(body);
        if (result instanceof MrqParser.Invalid invalid) {
            assertThat(invalid.snu())
                    .isIn(
                            MrqParser.TOO_LONG,
                            MrqParser.INVALID_FORMAT,
                            MrqParser.WRONG_DATA,
                            MrqParser.MANDATORY_MISSING);
            assertThat(invalid.reason()).isNotBlank();
            return;
        }
        var mrq = ((MrqParser.Parsed) result).mrq();
        assertThat(mrq.ref()).isNotBlank().doesNotContain("\0");
        assertThat(mrq.cid()).isNotBlank().doesNotContain("\0");
        assertThat(mrq.dty()).isNotBlank();
        if (mrq.latitude() != null) {
            assertThat(Math.abs(mrq.latitude())).isLessThanOrEqualTo(90);
        }
        if (mrq.longitude() != null) {
            assertThat(Math.abs(mrq.longitude())).isLessThanOrEqualTo(180);
        }
    }
}
