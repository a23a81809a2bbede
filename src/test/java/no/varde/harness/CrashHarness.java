package no.varde.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash harness, not a test: proves that an acknowledged alarm survives a crash of the application or of its
 * database at any moment.
 *
 * <p>Each cycle starts Varde as a separate process (the development setup: embedded PostgreSQL in a persistent
 * folder), lets 8 senders post alarms over HTTP, and kills it with SIGKILL after a random 1.5–6 s. In every second
 * cycle the database dies too: the postmaster and all its backends are killed in the same instant as the
 * application (a power cut as far as PostgreSQL can tell, except that the operating system's page cache survives —
 * which is why the harness first asserts that {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * are on: only those settings prove the flush). The next cycle's start must come up by itself (stopping an orphaned
 * postmaster, or running crash recovery), and every event answered with 202 before the kill must be found with the
 * alarm its answer named.
 *
 * <p>Run with {@code bin/varde crashtest [cycles]}; figures are printed and written to {@code target/crashtest/}.
 * Exits with status 1 if any acknowledged event is lost.
 */
public final class CrashHarness {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\":\"([0-9a-f-]{36})\"");
    private static final int SENDERS = 8;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path work;
    private final int httpPort;
    private final int dbPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> report = new ArrayList<>();

    private long acknowledged;
    private long found;
    private long lost;
    private long refused;

    private CrashHarness(Path work, int httpPort, int dbPort) {
        this.work = work;
        this.httpPort = httpPort;
        this.dbPort = dbPort;
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path work = Files.createTempDirectory("varde-crashtest");
        CrashHarness harness = new CrashHarness(work, freePort(), freePort());
        int status = 1;
        try {
            status = harness.run(cycles);
        } finally {
            harness.cleanUp(status == 0);
        }
        System.exit(status);
    }

    private int run(int cycles) throws Exception {
        Instant started = Instant.now();
        Map<String, String> pending = Map.of();
        Process app = null;
        for (int cycle = 1; cycle <= cycles + 1; cycle++) {
            app = startApp(cycle);
            awaitHealthy(app);
            if (cycle == 1) {
                assertDurableSettings();
            }
            verify(cycle - 1, pending);
            if (cycle > cycles) {
                break;
            }
            boolean databaseToo = cycle % 2 == 0;
            pending = sendAndKill(cycle, app, databaseToo);
        }
        stopGracefully(app);
        String summary = String.format(
                "crashtest: %d cycles (app killed with SIGKILL each cycle, database killed with it every second"
                        + " cycle), %d events acknowledged, %d found, %d lost; %d attempts refused or cut off"
                        + " (not acknowledged, so not counted); %d s",
                cycles,
                acknowledged,
                found,
                lost,
                refused,
                Duration.between(started, Instant.now()).toSeconds());
        System.out.println(summary);
        writeReport(summary, cycles);
        return lost == 0 ? 0 : 1;
    }

    private Process startApp(int cycle) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = work.resolve("app-" + cycle + ".log");
        return new ProcessBuilder(List.of(
                        java,
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "no.varde.VardeApplication",
                        "--spring.profiles.active=demo",
                        "--server.port=" + httpPort,
                        "--varde.embedded-database.data-directory=" + work.resolve("data/postgres"),
                        "--varde.embedded-database.port=" + dbPort,
                        "--varde.personal-data.key-file=" + work.resolve("data/secrets/personal-id.key"),
                        "--varde.dispatch.link-key-file=" + work.resolve("data/secrets/dispatch-link.key"),
                        "--logging.structured.format.console=",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde.shared.db=INFO"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitHealthy(Process app) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Varde exited while starting; see the logs in " + work);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Varde did not become healthy within " + START_TIMEOUT + "; see " + work);
    }

    private void assertDurableSettings() throws Exception {
        try (Connection db = database()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var statement = db.createStatement();
                        ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    String value = row.getString(1);
                    report.add("setting " + setting + " = " + value);
                    System.out.println("crashtest: " + setting + " = " + value);
                    if (!"on".equals(value)) {
                        throw new IllegalStateException(
                                "the running server has " + setting + "=" + value + ": a crash test proves nothing");
                    }
                }
            }
        }
    }

    /** Posts from 8 senders until the kill; returns the acknowledged events (event id → alarm id). */
    private Map<String, String> sendAndKill(int cycle, Process app, boolean databaseToo) throws Exception {
        Map<String, String> acked = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] attempts = new long[SENDERS];
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String eventId = "crash-" + cycle + "-" + sender + "-" + n;
                    attempts[sender]++;
                    post(eventId).ifPresent(alarm -> acked.put(eventId, alarm));
                }
                return null;
            });
        }
        long delayMillis = ThreadLocalRandom.current().nextLong(1500, 6000);
        Thread.sleep(delayMillis);
        kill(app, databaseToo);
        stop.set(true);
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        long tried = 0;
        for (long a : attempts) {
            tried += a;
        }
        refused += tried - acked.size();
        acknowledged += acked.size();
        String line = String.format(
                "cycle %d: killed %s after %d ms; %d acknowledged of %d attempts",
                cycle, databaseToo ? "application and database" : "application", delayMillis, acked.size(), tried);
        System.out.println("crashtest: " + line);
        report.add(line);
        return acked;
    }

    private java.util.Optional<String> post(String eventId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"code\":\"BUTTON_PRESSED\","
                + "\"device\":{\"vendor\":\"crashtest\",\"serialNumber\":\"CT-" + (eventId.hashCode() & 0xff) + "\"}}";
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                return java.util.Optional.empty();
            }
            Matcher alarm = ALARM_ID.matcher(answer.body());
            return alarm.find() ? java.util.Optional.of(alarm.group(1)) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty(); // cut off by the kill: never acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** SIGKILL to the application and, if asked, to the postmaster and every backend, in one system call each. */
    private void kill(Process app, boolean databaseToo) throws Exception {
        List<String> pids = new ArrayList<>();
        pids.add(Long.toString(app.pid()));
        if (databaseToo) {
            long postmaster = postmasterPid();
            ProcessHandle.of(postmaster).ifPresent(handle -> {
                pids.add(Long.toString(postmaster));
                handle.descendants().forEach(child -> pids.add(Long.toString(child.pid())));
            });
        }
        List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
        command.addAll(pids);
        new ProcessBuilder(command).inheritIO().start().waitFor();
        app.waitFor(30, TimeUnit.SECONDS);
    }

    private long postmasterPid() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("data/postgres/postmaster.pid"));
        return Long.parseLong(lines.getFirst().trim());
    }

    private void verify(int cycle, Map<String, String> acked) throws Exception {
        if (acked.isEmpty()) {
            return;
        }
        Set<String> missing = new HashSet<>(acked.keySet());
        long wrongAlarm = 0;
        try (Connection db = database();
                var query = db.prepareStatement("select e.event_key, e.alarm_id::text, a.id is not null"
                        + " from received_event e left join alarm a on a.id = e.alarm_id where e.event_key = any(?)")) {
            query.setArray(1, db.createArrayOf("text", acked.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String eventId = rows.getString(1);
                    if (acked.get(eventId).equals(rows.getString(2)) && rows.getBoolean(3)) {
                        missing.remove(eventId);
                    } else {
                        wrongAlarm++;
                    }
                }
            }
        }
        found += acked.size() - missing.size();
        lost += missing.size();
        String line = String.format(
                "cycle %d verified after restart: %d acknowledged, %d found, %d lost%s",
                cycle,
                acked.size(),
                acked.size() - missing.size(),
                missing.size(),
                missing.isEmpty() ? "" : " " + sample(missing) + (wrongAlarm > 0 ? " (" + wrongAlarm + " wrong)" : ""));
        System.out.println("crashtest: " + line);
        report.add(line);
    }

    private static String sample(Set<String> missing) {
        List<String> sorted = new ArrayList<>(missing);
        Collections.sort(sorted);
        return sorted.subList(0, Math.min(10, sorted.size())).toString();
    }

    private Connection database() throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        Path password = work.resolve("data/secrets/embedded-database.password");
        if (Files.exists(password)) {
            credentials.setProperty("password", Files.readString(password).trim());
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/varde", credentials);
    }

    private void stopGracefully(Process app) throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private void writeReport(String summary, int cycles) throws IOException {
        Path out = Path.of("target/crashtest");
        Files.createDirectories(out);
        List<String> lines = new ArrayList<>(report);
        lines.add(summary);
        Files.write(out.resolve("results.txt"), lines);
        Files.writeString(
                out.resolve("results.json"),
                String.format(
                        "{\"cycles\":%d,\"acknowledged\":%d,\"found\":%d,\"lost\":%d,\"notAcknowledged\":%d}%n",
                        cycles, acknowledged, found, lost, refused));
    }

    /** Stops a server left behind by a failed run; keeps the folder (logs, data) of a run that lost events. */
    private void cleanUp(boolean passed) {
        try {
            long postmaster = postmasterPid();
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
        } catch (IOException | RuntimeException ignored) {
            // no server left running
        }
        if (!passed) {
            System.out.println("crashtest: logs and data kept in " + work);
            return;
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("crashtest: could not remove " + work + ": " + e);
        }
    }

    private String base() {
        return "http://localhost:" + httpPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
