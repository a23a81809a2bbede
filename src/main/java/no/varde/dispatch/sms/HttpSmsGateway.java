package no.varde.dispatch.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through an SMS provider's HTTP API: {@code POST url} with {@code {"to": "+47…", "text": "…", "reference":
 * "<Varde's message id>"}} as JSON and,
 * when configured, {@code Authorization: Bearer <token>}. Any 2xx answer is success; any other answer, a timeout
 * or a connection error is a failure that the delivery retries.
 */
class HttpSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final @Nullable String token;
    private final Duration timeout;
    private final HttpClient client;

    HttpSmsGateway(URI url, @Nullable String token, Duration timeout) {
        this.url = url;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SmsStatus send(String to, String text) {
        return post(null, to, text);
    }

    @Override
    public SmsStatus send(java.util.UUID reference, String to, String text) {
        return post(reference, to, text);
    }

    private SmsStatus post(java.util.@Nullable UUID reference, String to, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("text", text);
        if (reference != null) {
            body.put("reference", reference.toString());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new SmsFailure("timeout after " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new SmsFailure("connection failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailure("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsFailure("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return SmsStatus.SENT;
    }

    private static String abbreviate(@Nullable String body) {
        if (body == null) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
