package no.varde.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.dispatch.sms.SmsStatus;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP SMS gateway's delivery-report webhook: the provider tells Varde that a message reached the phone or could
 * not be delivered. Authenticated by a bearer token of its own ({@code varde.dispatch.sms.report-token}), not by a
 * user account: the caller is a machine outside the region. The contract is in {@code docs/dispatch.md}.
 */
@RestController
@Tag(name = "SMS delivery reports")
class DeliveryReportApi {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReportApi.class);

    private final SmsDelivery delivery;
    private final byte @Nullable [] token;

    DeliveryReportApi(SmsDelivery delivery, DispatchProperties properties) {
        this.delivery = delivery;
        String configured = properties.sms().reportToken();
        this.token = configured == null || configured.isBlank()
                ? null
                : configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/api/v1/sms/delivery-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A delivery report from the SMS provider (Authorization: Bearer <report token>)")
    @SecurityRequirements
    ResponseEntity<?> report(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody DeliveryReport report) {
        if (!authorized(authorization)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED,
                    "VARDE-DISPATCH-0020: a delivery report needs Authorization: Bearer <varde.dispatch.sms.report-token>");
            problem.setTitle("Unauthorized");
            problem.setType(java.net.URI.create("https://varde.no/problems/unauthorized"));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        UUID reference = report.referenceId();
        SmsStatus status = report.reportedStatus();
        SmsStatus now = delivery.reportDelivery(reference, status, report.trimmedReason())
                .orElseThrow(() -> new NotFoundException("SMS message", reference));
        log.info("SMS {} reported {} by the gateway; now {}", reference, status, now);
        return ResponseEntity.ok(new Answer(reference.toString(), now.name()));
    }

    private boolean authorized(@Nullable String authorization) {
        if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /**
     * @param reference Varde's id of the message, as sent in the {@code reference} field of the send request
     * @param status {@code DELIVERED} or {@code FAILED}
     * @param reason why it failed (optional, at most 500 characters kept)
     */
    record DeliveryReport(
            @Nullable String reference,
            @Nullable String status,
            @Nullable String reason) {

        UUID referenceId() {
            validate();
            return UUID.fromString(reference.strip());
        }

        SmsStatus reportedStatus() {
            validate();
            return SmsStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        }

        @Nullable
        String trimmedReason() {
            if (reason == null || reason.isBlank()) {
                return null;
            }
            String text = reason.strip();
            return text.length() <= 500 ? text : text.substring(0, 500);
        }

        private void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (reference == null || reference.isBlank()) {
                problems.add(new FieldProblem("reference", "is required (the id Varde sent as reference)"));
            } else {
                try {
                    UUID.fromString(reference.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("reference", "must be a UUID"));
                }
            }
            if (status == null
                    || !List.of("DELIVERED", "FAILED").contains(status.strip().toUpperCase(Locale.ROOT))) {
                problems.add(new FieldProblem("status", "must be DELIVERED or FAILED"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("invalid delivery report", problems);
            }
        }
    }

    record Answer(String reference, String status) {}
}
