package no.varde.journal.delivery;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.stream.Collectors;
import no.varde.alarm.AlarmId;
import no.varde.journal.JournalEndpoint;
import no.varde.journal.JournalProperties;
import no.varde.journal.JournalTransport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/** VKP's write path: {@code POST {base}/{orgnr}/bundle} with a HelseID bearer token. */
@Component
class VkpHttpTransport implements JournalTransport {

    private final HttpClient http;
    private final HelseIdTokens tokens;
    private final FhirContext fhir;
    private final JournalProperties properties;

    VkpHttpTransport(
            HttpClient journalHttpClient, HelseIdTokens tokens, FhirContext fhir, JournalProperties properties) {
        this.http = journalHttpClient;
        this.tokens = tokens;
        this.fhir = fhir;
        this.properties = properties;
    }

    @Override
    public Result send(JournalEndpoint endpoint, AlarmId alarmId, String document) {
        String token;
        try {
            token = tokens.token(endpoint);
        } catch (HelseIdTokens.TokenUnavailable e) {
            return new Retry(null, e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.bundleUrl())
                .timeout(properties.timeout())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(document))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Accepted(status);
            }
            if (status == 400) {
                return new Rejected(status, diagnostics(response.body()));
            }
            return new Retry(status, "VARDE-JOURNAL-0020: VKP answered " + status);
        } catch (HttpTimeoutException e) {
            return new Retry(null, "VARDE-JOURNAL-0021: VKP did not answer in " + properties.timeout());
        } catch (IOException e) {
            return new Retry(null, "VARDE-JOURNAL-0022: VKP not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Retry(null, "VARDE-JOURNAL-0022: interrupted");
        }
    }

    private String diagnostics(String body) {
        try {
            OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, body);
            String text = outcome.getIssue().stream()
                    .map(issue -> issue.hasDiagnostics()
                            ? issue.getDiagnostics()
                            : issue.getDetails().getText())
                    .filter(t -> t != null && !t.isBlank())
                    .collect(Collectors.joining("; "));
            return text.isBlank() ? "VKP refused the document (400) without diagnostics" : text;
        } catch (RuntimeException e) {
            return "VKP refused the document (400): " + (body.length() > 500 ? body.substring(0, 500) : body);
        }
    }
}
