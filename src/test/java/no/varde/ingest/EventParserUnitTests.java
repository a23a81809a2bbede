package no.varde.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import no.varde.shared.Utf8;
import no.varde.shared.web.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventParserUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static EventParser.Parsed parse(String json) {
        JsonNode node = JSON.readTree(json);
        return EventParser.parse(node, "", "integration-1", NOW, OccurredAtWindow.DEFAULT);
    }

    @Test
    void deviceTypeAndComponentAreCarriedForTheFleetRules() {
        var parsed = parse("""
                {"eventId": "e1", "code": "BATTERY_LOW",
                 "device": {"serialNumber": "S1", "type": "SMOKE_DETECTOR", "component": "detector 2"}}
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.event().deviceType()).isEqualTo("SMOKE_DETECTOR");
        assertThat(parsed.event().component()).isEqualTo("detector 2");
    }

    @Test
    void nulCharactersAreEscapedAndNamed() {
        var parsed = parse("""
                {"eventId": "e\\u00002", "code": "FALL", "device": {"imei": "1"}, "text": "a\\u0000b"}
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.event().text()).isEqualTo("a\\u0000b");
        assertThat(parsed.eventId()).isEqualTo("e\\u00002");
        assertThat(parsed.event().extra()).containsEntry("escapedNul", java.util.List.of("eventId", "text"));
    }

    @Test
    void batteryBeyondThirtyTwoBitsIsNamedNotWrapped() {
        // 2^40 + 50 wraps to 50 in a 32-bit int: it must be refused, not read as 50 %
        var parsed = parse("""
                {"eventId": "e3", "code": "FALL", "device": {"imei": "1"}, "batteryPercent": 1099511627826}
                """);
        assertThat(parsed.problems()).extracting(FieldProblem::field).containsExactly("batteryPercent");
    }

    @Test
    void aDeviceTimeOutsideTheWindowBecomesTheReceivedTimeAndIsKept() {
        var reset = parse("""
                {"eventId": "e4", "code": "FALL", "device": {"imei": "1"}, "occurredAt": "1970-01-01T00:00:00Z"}
                """);
        assertThat(reset.event().occurredAt()).isEqualTo(NOW);
        assertThat(reset.event().extra()).containsEntry("reportedOccurredAt", "1970-01-01T00:00:00Z");

        var offline = parse("""
                {"eventId": "e5", "code": "FALL", "device": {"imei": "1"}, "occurredAt": "2026-11-30T08:00:00Z"}
                """);
        assertThat(offline.event().occurredAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(offline.event().extra()).doesNotContainKey("reportedOccurredAt");

        var ahead = parse("""
                {"eventId": "e6", "code": "FALL", "device": {"imei": "1"}, "occurredAt": "2026-12-01T08:30:00Z"}
                """);
        assertThat(ahead.event().occurredAt()).isEqualTo(NOW);
    }

    @Test
    void overlongUtf8IsFoundWithItsOffset() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThat(Utf8.problem(overlong)).contains("byte 6");
        assertThat(Utf8.problem("{\"a\": \"æøå\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNull();
    }
}
