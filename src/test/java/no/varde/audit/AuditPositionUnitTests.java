package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.varde.audit.AuditTrail.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The paging position in the audit trail's links: exact to the microsecond, and refused when no link made it. */
class AuditPositionUnitTests {

    @Test
    void aPositionSurvivesTheLinkToTheMicrosecond() {
        Instant at = Instant.parse("2026-12-01T10:58:00.123456Z");
        Position position = new Position(at, 4711, false);
        assertThat(position.token()).isEqualTo("1796122680123456.4711");
        assertThat(Position.parse(position.token(), true)).isEqualTo(new Position(at, 4711, true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "1796122680123456",
                "1796122680123456.",
                ".4711",
                "1.2.3",
                "-1.4711",
                "1796122680123456.-1",
                "99999999999999999999.1",
                "253402300800000000.1",
                "1e6.1"
            })
    void aValueNoLinkCarriesIsRefusedWithTheReason(String token) {
        assertThatThrownBy(() -> Position.parse(token, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paging link");
    }
}
