package no.varde.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Database-outage harness, not a test: PostgreSQL stops answering for a while (the postmaster and every backend
 * stopped with SIGSTOP, as a hung storage system or a partitioned network looks to the application) under a steady
 * load of alarms, then resumes.
 *
 * <p>Measured and required: no ingest request waits longer than the reception's deadline (answered 503 with
 * {@code Retry-After} instead), the health check reports DOWN within 5 s and never hangs, everything resumes by itself
 * after the database returns, and every event acknowledged with 202 — before, during or after — is stored.
 *
 * <p>Run with {@code bin/varde outagetest [seconds stopped]} (default 20); figures in {@code target/outage/}.
 */
public final class OutageHarness {

    private static final int SENDERS = 4;
    private static final Duration SEND_INTERVAL = Duration.ofMillis(100);
    private static final Duration INGEST_LIMIT = Duration.ofMillis(2500);
    private static final Duration HEALTH_DOWN_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    private final VardeProcess varde;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Sample> health = new CopyOnWriteArrayList<>();
    private final Map<String, String> acked = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    private OutageHarness(VardeProcess varde) {
        this.varde = varde;
    }

    /** One answer: when it was asked (ms since the start), how long it took, its status (-1 none). */
    record Sample(long at, long millis, int status, boolean retryAfter) {}

    public static void main(String[] args) throws Exception {
        int stoppedSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        VardeProcess varde = new VardeProcess("outagetest");
        int status = 1;
        try {
            status = new OutageHarness(varde).run(Duration.ofSeconds(stoppedSeconds));
        } finally {
            varde.cleanUp(status != 0);
        }
        System.exit(status);
    }

    private int run(Duration stopped) throws Exception {
        varde.start();
        long start = System.nanoTime();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(SENDERS + 1);
        for (int s = 0; s < SENDERS; s++) {
            load.submit(() -> send(start, running));
        }
        load.submit(() -> pollHealth(start, running));

        Thread.sleep(10_000);
        List<Long> database = varde.databaseProcesses();
        long stoppedAt = elapsed(start);
        VardeProcess.signal("STOP", database);
        System.out.printf("outage: database stopped (SIGSTOP to %d processes) at %d ms%n", database.size(), stoppedAt);
        Thread.sleep(stopped.toMillis());
        long resumedAt = elapsed(start);
        VardeProcess.signal("CONT", database);
        System.out.printf("outage: database resumed at %d ms%n", resumedAt);
        Thread.sleep(RECOVERY_LIMIT.toMillis());
        running.set(false);
        load.shutdown();
        load.awaitTermination(60, TimeUnit.SECONDS);

        List<String> report = evaluate(stoppedAt, resumedAt);
        long lost = lost();
        report.add("acknowledged " + acked.size() + " events (before, during and after), lost " + lost);
        varde.stop();
        boolean passed = lost == 0 && report.stream().noneMatch(line -> line.startsWith("FAIL"));
        report.add(passed ? "PASSED" : "FAILED");
        report.forEach(line -> System.out.println("outage: " + line));
        Path out = Path.of("target/outage");
        Files.createDirectories(out);
        Files.write(out.resolve("results.txt"), report);
        return passed ? 0 : 1;
    }

    private List<String> evaluate(long stoppedAt, long resumedAt) {
        List<String> report = new ArrayList<>();
        List<Sample> during = samples.stream()
                .filter(s -> s.at() >= stoppedAt && s.at() < resumedAt)
                .toList();
        long longest = during.stream().mapToLong(Sample::millis).max().orElse(0);
        long refused =
                during.stream().filter(s -> s.status() == 503 && s.retryAfter()).count();
        long hung = during.stream().filter(s -> s.status() == -1).count();
        long otherwise = during.stream()
                .filter(s -> s.status() != 503 && s.status() != 202 && s.status() != -1)
                .count();
        report.add(String.format(
                "%s ingest during the outage: %d requests, %d answered 503 with Retry-After, %d without answer,"
                        + " %d other; longest wait %d ms (limit %d ms)",
                longest <= INGEST_LIMIT.toMillis() && hung == 0 && refused > 0 ? "ok  " : "FAIL",
                during.size(),
                refused,
                hung,
                otherwise,
                longest,
                INGEST_LIMIT.toMillis()));
        long down = health.stream()
                .filter(s -> s.at() >= stoppedAt && s.status() == 503)
                .mapToLong(s -> s.at() + s.millis() - stoppedAt)
                .min()
                .orElse(Long.MAX_VALUE);
        long healthLongest = health.stream()
                .filter(s -> s.at() >= stoppedAt && s.at() < resumedAt)
                .mapToLong(Sample::millis)
                .max()
                .orElse(0);
        report.add(String.format(
                "%s health reported DOWN %d ms after the stop (limit %d ms); longest health answer %d ms",
                down <= HEALTH_DOWN_LIMIT.toMillis() ? "ok  " : "FAIL",
                down,
                HEALTH_DOWN_LIMIT.toMillis(),
                healthLongest));
        long firstAccepted = samples.stream()
                .filter(s -> s.at() >= resumedAt && s.status() == 202)
                .mapToLong(s -> s.at() + s.millis() - resumedAt)
                .min()
                .orElse(Long.MAX_VALUE);
        long healthUp = health.stream()
                .filter(s -> s.at() >= resumedAt && s.status() == 200)
                .mapToLong(s -> s.at() + s.millis() - resumedAt)
                .min()
                .orElse(Long.MAX_VALUE);
        boolean lastAccepted = samples.stream()
                .filter(s -> s.at() >= resumedAt + RECOVERY_LIMIT.toMillis() / 2)
                .allMatch(s -> s.status() == 202);
        report.add(String.format(
                "%s recovery: first alarm accepted %d ms and health UP %d ms after the database resumed;"
                        + " all accepted afterwards: %s",
                firstAccepted <= RECOVERY_LIMIT.toMillis() && healthUp <= RECOVERY_LIMIT.toMillis() && lastAccepted
                        ? "ok  "
                        : "FAIL",
                firstAccepted,
                healthUp,
                lastAccepted));
        return report;
    }

    private Void send(long start, AtomicBoolean running) throws InterruptedException {
        while (running.get()) {
            long at = elapsed(start);
            String eventId = "outage-" + counter.incrementAndGet();
            String body = "{\"eventId\":\"" + eventId + "\",\"code\":\"BUTTON_PRESSED\","
                    + "\"device\":{\"vendor\":\"outagetest\",\"serialNumber\":\"OT-1\"}}";
            long sent = System.nanoTime();
            int status = -1;
            boolean retryAfter = false;
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(varde.base() + "/api/v1/events"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + VardeProcess.TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                retryAfter = answer.headers().firstValue("Retry-After").isPresent();
                if (status == 202) {
                    acked.put(eventId, answer.body());
                }
            } catch (IOException e) {
                status = -1;
            }
            samples.add(new Sample(at, (System.nanoTime() - sent) / 1_000_000, status, retryAfter));
            Thread.sleep(SEND_INTERVAL.toMillis());
        }
        return null;
    }

    private Void pollHealth(long start, AtomicBoolean running) throws InterruptedException {
        while (running.get()) {
            long at = elapsed(start);
            long sent = System.nanoTime();
            int status = varde.healthStatus(Duration.ofSeconds(30));
            health.add(new Sample(at, (System.nanoTime() - sent) / 1_000_000, status, false));
            Thread.sleep(250);
        }
        return null;
    }

    private long lost() throws Exception {
        Set<String> missing = new HashSet<>(acked.keySet());
        try (Connection db = varde.database();
                var query = db.prepareStatement(
                        "select event_key from received_event where source = 'HTTP' and event_key = any(?)")) {
            query.setArray(1, db.createArrayOf("text", acked.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    missing.remove(rows.getString(1));
                }
            }
        }
        return missing.size();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
