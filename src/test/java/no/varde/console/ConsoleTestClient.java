package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in browser session without a browser: java.net.http with a cookie jar, form login with the CSRF token
 * from the page, and a reader for the console's text/event-stream. Also posts device events to the ingest API
 * as the demo integration.
 */
final class ConsoleTestClient {

    static final String DEMO_TOKEN = "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern ALARM_ID = Pattern.compile("\"alarmId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String base;
    private final HttpClient http;

    private ConsoleTestClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static ConsoleTestClient signIn(int port, String username) {
        ConsoleTestClient client = new ConsoleTestClient("http://localhost:" + port);
        String page = client.get("/login").body();
        HttpResponse<String> login =
                client.post("/login", Map.of("username", username, "password", "varde-demo"), csrf(page));
        assertThat(login.statusCode()).as("login redirect").isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form with the CSRF token of a page this session has loaded. */
    HttpResponse<String> post(String path, Map<String, String> form, String csrf) {
        String body = Stream.concat(form.entrySet().stream(), Stream.of(Map.entry("_csrf", csrf)))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("CSRF token in page").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the console's event stream; lines arrive in {@link EventStream#lines} as they are read. */
    EventStream openStream() {
        EventStream stream = new EventStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/console/stream"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as("stream status").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        stream.body = response.body();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(stream.lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return stream;
    }

    static final class EventStream implements AutoCloseable {

        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private Stream<String> body;

        /** Waits for a line containing {@code text}; returns it, or null after the timeout. */
        String await(String text, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                String line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line != null && line.contains(text)) {
                    return line;
                }
            }
        }

        /** Whether any line containing {@code text} arrives within the time (consumes lines). */
        boolean sees(String text, Duration within) throws InterruptedException {
            return await(text, within) != null;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    // ---- the ingest API, as the demo integration -----------------------------------------------------

    static String postEvent(int port, String code, String controllerId, String deviceId) {
        String json = """
                {"eventId": "%s", "code": "%s", "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}}
                """.formatted("console-test-" + UUID.randomUUID(), code, controllerId, deviceId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + DEMO_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("ingest answer %s", response.body())
                    .isEqualTo(202);
            Matcher matcher = ALARM_ID.matcher(response.body());
            assertThat(matcher.find()).as("alarm id in %s", response.body()).isTrue();
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A demo safety alarm assigned to a resident, optionally in one municipality: {controller id, device id}. */
    static String[] residentDevice(JdbcClient jdbc, String kommunenummer) {
        return jdbc.sql("select scaip_controller_id, coalesce(scaip_device_id, '') from device"
                        + " where type = 'SAFETY_ALARM' and resident_id is not null and scaip_controller_id is not null"
                        + " and (cast(? as text) is null or kommunenummer = ?) order by scaip_controller_id limit 1")
                .params(kommunenummer, kommunenummer)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }
}
