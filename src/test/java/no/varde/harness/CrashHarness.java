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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\":\"([0-9a-f-]{36})\"");
    private static final int SENDERS = 8;

    private final VardeProcess varde;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> report = new ArrayList<>();

    private long acknowledged;
    private long found;
    private long lost;
    private long refused;

    private CrashHarness(VardeProcess varde) {
        this.varde = varde;
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        VardeProcess varde = new VardeProcess("crashtest");
        int status = 1;
        try {
            status = new CrashHarness(varde).run(cycles);
        } finally {
            varde.cleanUp(status != 0);
        }
        System.exit(status);
    }

    private int run(int cycles) throws Exception {
        Instant started = Instant.now();
        Map<String, String> pending = Map.of();
        for (int cycle = 1; cycle <= cycles + 1; cycle++) {
            varde.start();
            if (cycle == 1) {
                assertDurableSettings();
            }
            verify(cycle - 1, pending);
            if (cycle > cycles) {
                break;
            }
            boolean databaseToo = cycle % 2 == 0;
            pending = sendAndKill(cycle, databaseToo);
        }
        varde.stop();
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

    private void assertDurableSettings() throws Exception {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            String value = varde.setting(setting);
            report.add("setting " + setting + " = " + value);
            System.out.println("crashtest: " + setting + " = " + value);
            if (!"on".equals(value)) {
                throw new IllegalStateException(
                        "the running server has " + setting + "=" + value + ": a crash test proves nothing");
            }
        }
    }

    /** Posts from 8 senders until the kill; returns the acknowledged events (event id → alarm id). */
    private Map<String, String> sendAndKill(int cycle, boolean databaseToo) throws Exception {
        Map<String, String> acked = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] attempts = new long[SENDERS];
        var firstAcknowledged = new java.util.concurrent.CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String eventId = "crash-" + cycle + "-" + sender + "-" + n;
                    attempts[sender]++;
                    post(eventId).ifPresent(alarm -> {
                        acked.put(eventId, alarm);
                        firstAcknowledged.countDown();
                    });
                }
                return null;
            });
        }
        // The random delay counts from the first acknowledgement, so every kill lands in acknowledged traffic even
        // when a busy machine makes the first answers slow (a kill before any answer proves nothing).
        long waitedMillis = System.nanoTime();
        firstAcknowledged.await(2, TimeUnit.MINUTES);
        waitedMillis = (System.nanoTime() - waitedMillis) / 1_000_000;
        long delayMillis = ThreadLocalRandom.current().nextLong(1500, 6000);
        Thread.sleep(delayMillis);
        varde.kill(databaseToo);
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
                "cycle %d: killed %s %d ms after the first acknowledgement (which took %d ms); %d acknowledged of %d"
                        + " attempts",
                cycle,
                databaseToo ? "application and database" : "application",
                delayMillis,
                waitedMillis,
                acked.size(),
                tried);
        System.out.println("crashtest: " + line);
        report.add(line);
        return acked;
    }

    private java.util.Optional<String> post(String eventId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"code\":\"BUTTON_PRESSED\","
                + "\"device\":{\"vendor\":\"crashtest\",\"serialNumber\":\"CT-" + (eventId.hashCode() & 0xff) + "\"}}";
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(varde.base() + "/api/v1/events"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + VardeProcess.TOKEN)
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

    private void verify(int cycle, Map<String, String> acked) throws Exception {
        if (acked.isEmpty()) {
            return;
        }
        Set<String> missing = new HashSet<>(acked.keySet());
        long wrongAlarm = 0;
        try (Connection db = varde.database();
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
}
