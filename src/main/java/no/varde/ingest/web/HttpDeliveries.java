package no.varde.ingest.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.varde.ingest.EventParser;
import no.varde.ingest.IntegrationPrincipal;
import no.varde.ingest.OccurredAtWindow;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.ReceivedEvent;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.RejectedDelivery;
import no.varde.ingest.reception.RejectedDeliveryId;
import no.varde.shared.EventSource;
import no.varde.shared.Utf8;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an HTTP request body into a delivery for reception, or rejects it: the raw bytes are kept with every
 * problem and the request is answered with problem details naming each bad field.
 */
final class HttpDeliveries {

    static final int MAX_BATCH = 100;
    /** Heartbeats and test transmissions only record that the device was heard; they never become alarms. */
    static final Set<String> SUPERVISION_CODES = Set.of("HEARTBEAT", "TEST");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reception reception;
    private final IntegrationPrincipal sender;
    private final byte[] body;
    private final @Nullable String contentType;
    private final OccurredAtWindow window;

    HttpDeliveries(
            Reception reception,
            IntegrationPrincipal sender,
            byte[] body,
            @Nullable String contentType,
            OccurredAtWindow window) {
        this.reception = reception;
        this.sender = sender;
        this.body = body;
        this.contentType = contentType;
        this.window = window;
    }

    Delivery one(Instant now) {
        return delivery(List.of(read()), "", now);
    }

    Delivery batch(Instant now) {
        JsonNode node = read();
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_BATCH) {
            throw rejected(List.of(new FieldProblem("body", "must be a JSON array of 1 to " + MAX_BATCH + " events")));
        }
        List<JsonNode> nodes = new ArrayList<>();
        node.forEach(nodes::add);
        return delivery(nodes, "events", now);
    }

    private Delivery delivery(List<JsonNode> nodes, String prefix, Instant now) {
        List<ReceivedEvent> events = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = prefix.isEmpty() ? "" : prefix + "[" + i + "]";
            EventParser.Parsed parsed =
                    EventParser.parse(nodes.get(i), path, sender.integrationId().toString(), now, window);
            problems.addAll(parsed.problems());
            if (parsed.eventId() != null && !ids.add(parsed.eventId())) {
                problems.add(new FieldProblem(path + ".eventId", "appears twice in this batch"));
            }
            if (parsed.event() != null && parsed.eventId() != null) {
                boolean supervision =
                        SUPERVISION_CODES.contains(parsed.event().code().strip().toUpperCase(Locale.ROOT));
                events.add(new ReceivedEvent(parsed.eventId(), null, supervision, parsed.event()));
            }
        }
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        return new Delivery(EventSource.HTTP, sender.integrationId().toString(), body, contentType, events);
    }

    private JsonNode read() {
        String encodingProblem = Utf8.problem(body);
        if (encodingProblem != null) {
            throw rejected(List.of(new FieldProblem("body", encodingProblem)));
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw rejected(List.of(new FieldProblem("body", "is not valid JSON: " + e.getOriginalMessage())));
        }
    }

    private InvalidInputException rejected(List<FieldProblem> problems) {
        RejectedDeliveryId id =
                reception.reject(new RejectedDelivery(EventSource.HTTP, sender.name(), contentType, body, problems));
        return new InvalidInputException(
                "VARDE-INGEST-0002: the event was rejected and nothing was stored"
                        + " (raw input kept as rejected input " + id + ")",
                problems);
    }
}
