package no.varde.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores events durably and exactly once per sender identity. The whole request is one transaction: when this
 * method returns, the alarms are committed, and only then does the caller answer 202.
 */
@Service
public class EventIngest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final Integrations integrations;
    private final Clock clock;

    EventIngest(JdbcClient jdbc, Alarms alarms, Integrations integrations, Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.integrations = integrations;
        this.clock = clock;
    }

    @Transactional
    public List<IngestResult> ingest(IntegrationPrincipal sender, List<EventParser.Parsed> events, List<JsonNode> raw) {
        Instant now = clock.instant();
        List<IngestResult> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            results.add(one(sender, events.get(i).event(), events.get(i).eventId(), raw.get(i), now));
        }
        integrations.touch(sender.integrationId(), now);
        return results;
    }

    private IngestResult one(
            IntegrationPrincipal sender, DeviceEvent event, String eventId, JsonNode raw, Instant now) {
        // Serialises concurrent retransmissions of the same event across nodes until this transaction ends.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(event.senderIdentity())
                .query((rs, row) -> 1)
                .list();
        Optional<AlarmId> existing = jdbc.sql(
                        "select alarm_id from ingest_event where integration_id = ? and event_id = ?")
                .params(sender.integrationId(), eventId)
                .query(UUID.class)
                .optional()
                .map(AlarmId::new);
        if (existing.isPresent()) {
            return new IngestResult(eventId, existing.get(), true);
        }
        AlarmId alarm = alarms.receive(event);
        jdbc.sql("insert into ingest_event (integration_id, event_id, alarm_id, received_at, raw)"
                        + " values (?, ?, ?, ?, cast(? as jsonb))")
                .params(
                        sender.integrationId(),
                        eventId,
                        alarm.value(),
                        java.sql.Timestamp.from(now),
                        JSON.writeValueAsString(NulEscaping.escape(raw)))
                .update();
        return new IngestResult(eventId, alarm, false);
    }

    /** Keeps the raw bytes of rejected input for inspection (its own transaction; nothing else is written). */
    @Transactional
    public long reject(
            @Nullable String sender, @Nullable String contentType, byte[] body, List<FieldProblem> problems) {
        return jdbc.sql("insert into rejected_input (source, sender, content_type, body, problems)"
                        + " values ('HTTP', ?, ?, ?, cast(? as jsonb)) returning id")
                .params(
                        sender == null ? null : NulEscaping.escape(sender),
                        contentType == null ? null : NulEscaping.escape(contentType),
                        body,
                        JSON.writeValueAsString(NulEscaping.escape(problems)))
                .query(Long.class)
                .single();
    }
}
