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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.varde.ingest.EventRequest;
import no.varde.ingest.IngestProperties;
import no.varde.ingest.IngestResult;
import no.varde.ingest.IntegrationPrincipal;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.Receipt;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.ReceptionUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: alarms from vendor platforms and devices, handed to {@link Reception}. 202 only
 * after the alarm is committed and flushed; a repeated event id returns the same alarm; bad input stores nothing
 * but the raw body for inspection; a full reception or an unavailable database answers 503 with Retry-After.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Ingest", description = "Events from devices and vendor platforms (integration token)")
@SecurityRequirement(name = "integrationToken")
class IngestApi {

    private final Reception reception;
    private final IngestProperties properties;
    private final Clock clock;

    IngestApi(Reception reception, IngestProperties properties, Clock clock) {
        this.reception = reception;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Receive one event",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = EventRequest.class))),
            responses = {
                @ApiResponse(
                        responseCode = "202",
                        description = "Committed; the body names the alarm (none for a heartbeat or test)"),
                @ApiResponse(responseCode = "400", description = "Invalid event; problem details name each field"),
                @ApiResponse(responseCode = "503", description = "Not now: send again after Retry-After seconds")
            })
    ResponseEntity<IngestResult> one(
            @RequestBody byte[] body,
            @AuthenticationPrincipal IntegrationPrincipal sender,
            HttpServletRequest request) {
        Delivery delivery = deliveries(sender, body, request).one(clock.instant());
        IngestResult result = receive(delivery).getFirst();
        ResponseEntity.BodyBuilder answer = ResponseEntity.accepted();
        if (result.alarmId() != null) {
            answer.location(URI.create("/api/v1/alarms/" + result.alarmId()));
        }
        return answer.header("Varde-Duplicate", String.valueOf(result.duplicate()))
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
        Delivery delivery = deliveries(sender, body, request).batch(clock.instant());
        return ResponseEntity.accepted().body(Map.of("results", receive(delivery)));
    }

    private HttpDeliveries deliveries(IntegrationPrincipal sender, byte[] body, HttpServletRequest request) {
        return new HttpDeliveries(reception, sender, body, request.getContentType(), properties.occurredAtWindow());
    }

    /** Waits for the durable receipt (the group's commit); "not now" when reception cannot take it in time. */
    private List<IngestResult> receive(Delivery delivery) {
        Receipt receipt;
        CompletableFuture<Receipt> pending = reception.submit(delivery);
        try {
            receipt = pending.get(properties.reception().commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the sender is told "not now" and sends again; a delivery not yet taken by a writer is not stored
            // (one already in a group may still commit: the resent copy is then answered as a duplicate)
            pending.cancel(false);
            throw new ReceptionUnavailable(
                    "VARDE-INGEST-0008: the event was not committed in time; send it again",
                    properties.reception().retryAfter(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReceptionUnavailable(
                    "VARDE-INGEST-0008: interrupted while waiting",
                    properties.reception().retryAfter(),
                    e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        return receipt.events().stream()
                .map(event -> new IngestResult(event.key(), event.alarm(), event.duplicate()))
                .toList();
    }

    @ExceptionHandler(ReceptionUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(ReceptionUnavailable e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Not now");
        problem.setType(URI.create("https://varde.no/problems/reception-unavailable"));
        problem.setInstance(URI.create(request.getRequestURI()));
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
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
