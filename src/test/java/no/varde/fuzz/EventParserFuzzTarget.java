package no.varde.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.varde.alarm.DeviceEvent;
import no.varde.ingest.EventParser;
import no.varde.shared.Utf8;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target for the HTTP event parser with arbitrary bytes as a sender could post them. Whatever arrives, the parser either
 * names what is wrong or produces an event that PostgreSQL can store: no exception escapes (which would be a 500 the
 * sender retries forever), no NUL survives into text, the time lies in a range PostgreSQL holds, battery in 0–100.
 *
 * <p>The test suite runs its seed and regression inputs; {@code bin/varde fuzz [runs]} fuzzes (CI: a short run).
 */
public final class EventParserFuzzTarget {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private EventParserFuzzTarget() {}

    /** Entry point for Jazzer's standalone driver ({@code bin/varde fuzz}). */
    public static void fuzzerTestOneInput(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        if (Utf8.problem(body) != null) {
            return; // refused as a whole before parsing, with the offset named
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return; // refused as "not valid JSON"
        }
        var parsed = EventParser.parse(node, "", "00000000-0000-4000-8000-000000000001", NOW);
        if (!parsed.problems().isEmpty()) {
            assertThat(parsed.event()).isNull();
            parsed.problems().forEach(problem -> assertThat(problem.field()).isNotBlank());
            return;
        }
        DeviceEvent event = parsed.event();
        assertThat(event).isNotNull();
        for (String text : new String[] {
            event.code(),
            event.text(),
            event.location(),
            event.senderIdentity(),
            event.device().label()
        }) {
            if (text != null) {
                assertThat(text).doesNotContain("\0");
            }
        }
        assertThat(event.occurredAt())
                .isBetween(Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"));
        if (event.batteryPercent() != null) {
            assertThat(event.batteryPercent()).isBetween(0, 100);
        }
        if (event.latitude() != null) {
            assertThat(Math.abs(event.latitude())).isLessThanOrEqualTo(90);
        }
        if (event.longitude() != null) {
            assertThat(Math.abs(event.longitude())).isLessThanOrEqualTo(180);
        }
    }
}
