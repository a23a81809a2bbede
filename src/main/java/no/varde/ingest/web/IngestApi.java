package no.varde.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.varde.ingest.EventIngest;
import no.varde.ingest.EventParser;
import no.varde.ingest.EventRequest;
import no.varde.ingest.IngestProperties;
import no.varde.ingest.IngestResult;
import no.varde.ingest.IntegrationPrincipal;
import no.varde.ingest.OccurredAtWindow;
import no.varde.ingest.Utf8;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/events}: alarms from vendor platforms and devices. 202 only after the alarm is committed;
 * a repeated event id returns the same alarm; bad input stores nothing but the raw body for inspection.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Ingest", description = "Events from devices and vendor platforms (integration token)")
@SecurityRequirement(name = "integrationToken")
class IngestApi {

    static final int MAX_BATCH = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventIngest ingest;
    private final Clock clock;
    private final OccurredAtWindow window;

    IngestApi(EventIngest ingest, Clock clock, IngestProperties properties) {
        this.ingest = ingest;
        this.clock = clock;
        this.window = properties.occurredAtWindow();
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Receive one event",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = EventRequest.class))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Committed; the body names the alarm"),
                @ApiResponse(responseCode = "400", description = "Invalid event; problem details name each field")
            })
    ResponseEntity<IngestResult> one(
            @RequestBody byte[] body,
            @AuthenticationPrincipal IntegrationPrincipal sender,
            HttpServletRequest request) {
        JsonNode node = read(body, sender, request);
        IngestResult result = accept(sender, List.of(node), "", body, request).getFirst();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/alarms/" + result.alarmId()))
                .header("Varde-Duplicate", String.valueOf(result.duplicate()))
                .body(result);
    }

    @PostMapping(path = "/batch", consumes = "application/json")
    @Operation(
            summary = "Receive up to 100 events; all are stored or, if one is invalid, none",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            array =
                                                    @ArraySchema(
                                                            schema = @Schema(implementation = EventRequest.class)))))
    ResponseEntity<Map<String, List<IngestResult>>> batch(
            @RequestBody byte[] body,
            @AuthenticationPrincipal IntegrationPrincipal sender,
            HttpServletRequest request) {
        JsonNode node = read(body, sender, request);
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_BATCH) {
            throw rejected(
                    sender,
                    body,
                    request,
                    List.of(new FieldProblem("body", "must be a JSON array of 1 to " + MAX_BATCH + " events")));
        }
        List<JsonNode> nodes = new ArrayList<>();
        node.forEach(nodes::add);
        return ResponseEntity.accepted().body(Map.of("results", accept(sender, nodes, "events", body, request)));
    }

    private List<IngestResult> accept(
            IntegrationPrincipal sender, List<JsonNode> nodes, String prefix, byte[] body, HttpServletRequest request) {
        Instant now = clock.instant();
        List<EventParser.Parsed> parsed = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = prefix.isEmpty() ? "" : prefix + "[" + i + "]";
            var p = EventParser.parse(nodes.get(i), path, sender.integrationId().toString(), now, window);
            problems.addAll(p.problems());
            if (p.eventId() != null && !ids.add(p.eventId())) {
                problems.add(new FieldProblem(path + ".eventId", "appears twice in this batch"));
            }
            parsed.add(p);
        }
        if (!problems.isEmpty()) {
            throw rejected(sender, body, request, problems);
        }
        return ingest.ingest(sender, parsed, nodes);
    }

    private JsonNode read(byte[] body, IntegrationPrincipal sender, HttpServletRequest request) {
        String encodingProblem = Utf8.problem(body);
        if (encodingProblem != null) {
            throw rejected(sender, body, request, List.of(new FieldProblem("body", encodingProblem)));
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            throw rejected(sender, body, request, List.of(new FieldProblem("body", "is not valid JSON: " + message)));
        }
    }

    private InvalidInputException rejected(
            IntegrationPrincipal sender, byte[] body, HttpServletRequest request, List<FieldProblem> problems) {
        long id = ingest.reject(sender.name(), request.getContentType(), body, problems);
        return new InvalidInputException(
                "VARDE-INGEST-0002: the event was rejected and nothing was stored"
                        + " (raw input kept as rejected input " + id + ")",
                problems);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "VARDE-INGEST-0003: send Content-Type: application/json");
        problem.setTitle("Unsupported media type");
        problem.setType(URI.create("https://varde.no/problems/unsupported-media-type"));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
