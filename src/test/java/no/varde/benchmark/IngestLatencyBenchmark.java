package no.varde.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.varde.VardeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: starts Varde (embedded PostgreSQL, demo region), connects an operator's console stream,
 * posts events through the ingest API from several concurrent senders, and measures for each event the time from
 * starting the POST to its arrival in the console stream, and the sustained events per second.
 *
 * <p>Run with {@code bin/varde bench [events] [concurrency]}; figures are printed and written to
 * {@code target/benchmark/ingest-latency.txt}.
 */
public final class IngestLatencyBenchmark {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern RECEIVED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"what\":\"RECEIVED\"");
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = Math.min(200, events / 5);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.no.varde=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> controllers = app.getBean(JdbcClient.class)
                    .sql("select scaip_controller_id from device where type = 'SAFETY_ALARM'")
                    .query(String.class)
                    .list();
            new IngestLatencyBenchmark(port, controllers).run(warmup, events, concurrency);
        }
        System.exit(0);
    }

    private final String base;
    private final List<String> controllers;
    private final HttpClient http;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    private IngestLatencyBenchmark(int port, List<String> controllers) {
        this.base = "http://localhost:" + port;
        this.controllers = controllers;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private void run(int warmup, int events, int concurrency) throws Exception {
        signIn("operator", "varde-demo");
        CountDownLatch connected = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> listen(connected));
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the console stream did not connect");
        }
        post(warmup, concurrency);
        Thread.sleep(2000);
        arrivals.clear();
        long started = System.nanoTime();
        Map<String, Long> sent = post(events, concurrency);
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (arrivals.keySet().containsAll(sent.keySet()) == false && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        List<Double> latencies = new ArrayList<>();
        for (Map.Entry<String, Long> e : sent.entrySet()) {
            Long arrived = arrivals.get(e.getKey());
            if (arrived != null) {
                latencies.add((arrived - e.getValue()) / 1e6);
            }
        }
        Collections.sort(latencies);
        String report = String.join(
                "\n",
                "Varde ingest → console stream benchmark, " + Instant.now(),
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version"),
                "events posted: " + sent.size() + " (after " + warmup + " warm-up), concurrent senders: " + concurrency,
                "arrived in the console stream: " + latencies.size() + " of " + sent.size(),
                String.format(
                        "POST → console stream latency: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                        percentile(latencies, 50),
                        percentile(latencies, 90),
                        percentile(latencies, 99),
                        latencies.isEmpty() ? Double.NaN : latencies.getLast()),
                String.format(
                        "sustained ingest: %.0f events/s (%d events in %.2f s, each committed before its 202)",
                        sent.size() / sendSeconds, sent.size(), sendSeconds),
                "");
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/ingest-latency.txt"), report);
    }

    private Map<String, Long> post(int count, int concurrency) throws InterruptedException {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                slots.acquire();
                String cid = controllers.get(i % controllers.size());
                pool.submit(() -> {
                    try {
                        long start = System.nanoTime();
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"eventId\":\"bench-" + UUID.randomUUID()
                                                        + "\",\"code\":\"BUTTON_PRESSED\",\"device\":{\"scaipControllerId\":\""
                                                        + cid + "\",\"scaipDeviceId\":\"1\"}}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher id = ALARM_ID.matcher(answer.body());
                        if (answer.statusCode() == 202 && id.find()) {
                            sent.put(id.group(1), start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        if (failures.get() > 0) {
            System.out.println("failed posts: " + failures.get());
        }
        return sent;
    }

    private void listen(CountDownLatch connected) {
        try {
            HttpResponse<Stream<String>> stream = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/console/stream"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            stream.body().forEach(line -> {
                long now = System.nanoTime();
                if (line.startsWith("data:connected") || line.startsWith("event:ready")) {
                    connected.countDown();
                }
                Matcher m = RECEIVED.matcher(line);
                if (m.find()) {
                    arrivals.putIfAbsent(m.group(1), now);
                }
            });
        } catch (IOException | InterruptedException | java.io.UncheckedIOException e) {
            // the stream ends when the application stops at the end of the run
        }
    }

    private void signIn(String username, String password) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode());
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
