package no.varde.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.varde.harness.VardeProcess;

/**
 * Benchmark of the alarm core (issue 8), not a test. One run starts Varde as its own process (demo setup, embedded
 * PostgreSQL with fsync and synchronous commit on), signs in an operator and keeps one console stream open, then
 * measures, each phase after the other on the same database:
 *
 * <ol>
 *   <li>(a) pgbench running the inserts Varde makes for one event, one transaction per event, 8 clients;
 *   <li>(b) single-event HTTP ingest ({@code POST /api/v1/events}) from 8 senders, closed loop;
 *   <li>(c) batch ingest ({@code POST /api/v1/events/batch}, 100 events per request) from 8 senders;
 *   <li>(d) POST → console stream latency at a steady open-loop 200 events/s (latency counted from each event's
 *       scheduled send time, so a slow answer cannot hide the delay of the events behind it). The stream event is
 *       what makes every operator page play the new-alarm cue (desk.js), so this is also the time to the cue;
 *   <li>(d, desk) in the same phase, POST → queue strip updated: the benchmark does what desk.js does on every
 *       page (on a stream event, re-read {@code /console/strip} 150 ms later, one request at a time, again when
 *       events came during a request), and an alarm counts as shown once a strip answer whose request started
 *       after its stream event has arrived. Issue 11's goal: within one second.
 * </ol>
 *
 * <p>Each phase is repeated {@code runs} times (default 3) and the median is reported, with the CPU time used by
 * the application's JVM, PostgreSQL (postmaster and every backend, also the ones that exited) and the load
 * generator (this JVM and its pgbench child) from {@code /proc/<pid>/stat}. Figures are printed and written to
 * {@code target/benchmark/alarm-core-<label>.txt}.
 *
 * <p>{@code bin/varde bench [runs] [seconds per phase]}; {@code -Dvarde.bench.app=<worktree>} measures another
 * build (its {@code target/classes} and {@code target/harness-classpath.txt}), {@code -Dvarde.bench.label=before}
 * names the output. The alarm deadline sweep is set to run once an hour: the benchmark leaves tens of thousands of
 * unhandled alarms that would otherwise be escalated while later phases are measured.
 */
public final class IngestLatencyBenchmark {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final String SENDER = "d3e0a1a2-0000-4000-8000-000000000001";
    private static final Pattern RECEIVED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"what\":\"RECEIVED\"");
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\":\"([0-9a-f-]{36})\"");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final int SENDERS = 8;
    private static final int BATCH = 100;
    private static final int OPEN_LOOP_RATE = 200;
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path app = Path.of(System.getProperty("varde.bench.app", "."))
                .toAbsolutePath()
                .normalize();
        String label = System.getProperty("varde.bench.label", "current");
        String classpath = app.resolve("target/classes") + ":"
                + Files.readString(app.resolve("target/harness-classpath.txt")).trim();
        VardeProcess varde = new VardeProcess("bench", classpath, List.of("--varde.alarm.deadline-check-interval=1h"));
        boolean ok = false;
        try {
            varde.start();
            String report = new IngestLatencyBenchmark(varde, app, label).run(runs, Duration.ofSeconds(seconds));
            System.out.println(report);
            Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(Path.of("target/benchmark/alarm-core-" + label + ".txt"), report);
            ok = true;
        } finally {
            varde.stop();
            varde.cleanUp(!ok);
        }
        System.exit(ok ? 0 : 1);
    }

    private final VardeProcess varde;
    private final Path app;
    private final String label;
    private final String base;
    private final HttpClient http;
    private final List<String> controllers = new ArrayList<>();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger streamEvents = new AtomicInteger();
    private final AtomicLong nextDevice = new AtomicLong();
    private String resident;
    private String device;
    private String kommune;
    private String repeatOf;
    private String scriptName;

    private IngestLatencyBenchmark(VardeProcess varde, Path app, String label) {
        this.varde = varde;
        this.app = app;
        this.label = label;
        this.base = varde.base();
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** One measured phase: its throughput (or latency) and the CPU each process used. */
    private record Phase(
            double perSecond, double p50, double p99, int done, int failed, Cpu cpu, double seconds, Desk desk) {}

    /** POST → queue strip updated (phase d only): p50, p99 and max in ms, and the share within one second. */
    private record Desk(double p50, double p99, double max, double withinSecond) {
        static final Desk NONE = new Desk(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** CPU seconds of the application JVM, PostgreSQL and the load generator over one phase. */
    private record Cpu(double app, double postgres, double load) {}

    private String run(int runs, Duration length) throws Exception {
        try (Connection db = varde.database();
                var statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select d.scaip_controller_id, d.id, d.resident_id"
                        + " from device d where d.type = 'SAFETY_ALARM' and d.resident_id is not null")) {
            while (rows.next()) {
                controllers.add(rows.getString(1));
                if (device == null) {
                    device = rows.getString(2);
                    resident = rows.getString(3);
                }
            }
        }
        if (device == null) {
            throw new IllegalStateException("the demo region has no safety alarm with a resident");
        }
        signIn("operator", "varde-demo");
        CountDownLatch connected = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> listen(connected));
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the console stream did not connect");
        }
        // warm-up: JIT, connection pools, the first pages of every index
        closedLoop(Duration.ofSeconds(10), false);
        closedLoop(Duration.ofSeconds(5), true);
        Thread.sleep(2000);
        Map<String, long[]> perEvent = writesPerEvent(200);
        try (Connection db = varde.database();
                var statement = db.createStatement();
                ResultSet row = statement.executeQuery("select id, kommunenummer from alarm where resident_id = '"
                        + resident + "' order by received_at desc limit 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no alarm of the resident " + resident + " after the warm-up");
            }
            repeatOf = row.getString(1);
            kommune = row.getString(2);
        }
        Path script = pgbenchScript();

        List<Map<String, Phase>> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Phase> phases = new LinkedHashMap<>();
            phases.put("a", pgbench(script, length));
            settle();
            phases.put("b", closedLoop(length, false));
            settle();
            phases.put("c", closedLoop(length, true));
            settle();
            phases.put("d", openLoop(length));
            settle();
            results.add(phases);
            System.out.println(
                    "run " + run + " of " + runs + ": " + summary(phases) + " (load average " + loadAverage() + ")");
        }
        return report(results, perEvent, runs, length);
    }

    private void settle() throws InterruptedException {
        Thread.sleep(3000);
    }

    // ---------------------------------------------------------------- (a) pgbench

    /**
     * How many rows each table gets per event on the application's single-event path (from PostgreSQL's own
     * counters), so the pgbench script can be checked against what the application really writes.
     */
    private Map<String, long[]> writesPerEvent(int events) throws Exception {
        Thread.sleep(11_000); // backends publish their table counters within 10 s of going idle
        Map<String, long[]> before = tableCounters();
        int posted = 0;
        for (int i = 0; i < events; i++) {
            if (postOne() != null) {
                posted++;
            }
        }
        Thread.sleep(11_000); // backends publish their table counters within 10 s of going idle
        Map<String, long[]> after = tableCounters();
        Map<String, long[]> perEvent = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            long inserts = e.getValue()[0] - was[0];
            long updates = e.getValue()[1] - was[1];
            if (inserts > 0 || updates > 0) {
                perEvent.put(e.getKey(), new long[] {inserts, updates, posted});
            }
        }
        // one row of each written table, to check the pgbench script's inserts against the real ones
        List<String> samples = new ArrayList<>();
        try (Connection db = varde.database();
                var statement = db.createStatement()) {
            for (String table : perEvent.keySet()) {
                try (ResultSet row = statement.executeQuery(
                        "select row_to_json(t)::text from " + table + " t order by ctid desc limit 1")) {
                    if (row.next()) {
                        samples.add(table + ": " + row.getString(1));
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Files.write(Path.of("target/benchmark/alarm-core-" + label + "-sample-rows.txt"), samples);
        return perEvent;
    }

    private Map<String, long[]> tableCounters() throws Exception {
        Map<String, long[]> counters = new LinkedHashMap<>();
        try (Connection db = varde.database();
                var statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select relname, n_tup_ins, n_tup_upd from pg_stat_user_tables order by relname")) {
            while (rows.next()) {
                counters.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        return counters;
    }

    /**
     * The script of the measured code's own per-event inserts: the reception port's tables, or (the code before
     * issue 8) the single {@code ingest_event} table.
     */
    private Path pgbenchScript() throws Exception {
        String name;
        try (Connection db = varde.database();
                var statement = db.createStatement();
                ResultSet row = statement.executeQuery("select to_regclass('received_delivery') is not null")) {
            row.next();
            name = row.getBoolean(1) ? "one-event.pgbench" : "one-event-ingest-event.pgbench";
        }
        scriptName = name;
        Path script = Path.of("target/benchmark/" + name);
        Files.createDirectories(script.getParent());
        try (var in = IngestLatencyBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private Phase pgbench(Path script, Duration length) throws Exception {
        String pgbench = System.getenv().getOrDefault("VARDE_PGBENCH", "/usr/lib/postgresql/15/bin/pgbench");
        if (!Files.isExecutable(Path.of(pgbench))) {
            throw new IllegalStateException("pgbench not found at " + pgbench
                    + ": install it (Debian: apt-get install postgresql-15) or point VARDE_PGBENCH at it");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        pgbench,
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        Integer.toString(SENDERS),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(length.toSeconds()),
                        "-D",
                        "resident=" + resident,
                        "-D",
                        "device=" + device,
                        "-D",
                        "sender=" + SENDER,
                        "-D",
                        "repeatof=" + repeatOf,
                        "-D",
                        "kommune=" + kommune,
                        "-f",
                        script.toString(),
                        "-h",
                        "localhost",
                        "-p",
                        Integer.toString(varde.databasePort()),
                        "-U",
                        "postgres",
                        "varde")
                .redirectErrorStream(true);
        String password = varde.superuserPassword();
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        long[] cpu = cpuTicks();
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        Cpu used = cpuSince(cpu);
        Matcher tps = TPS.matcher(output);
        if (exit != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
        }
        Matcher failed =
                Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        Matcher done = Pattern.compile("number of transactions actually processed: (\\d+)")
                .matcher(output);
        return new Phase(
                Double.parseDouble(tps.group(1)),
                Double.NaN,
                Double.NaN,
                done.find() ? Integer.parseInt(done.group(1)) : 0,
                failed.find() ? Integer.parseInt(failed.group(1)) : 0,
                used,
                seconds,
                Desk.NONE);
    }

    // ---------------------------------------------------------------- (b), (c) closed loop

    private Phase closedLoop(Duration length, boolean batches) throws Exception {
        AtomicInteger events = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] cpu = cpuTicks();
        long started = System.nanoTime();
        long end = started + length.toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < SENDERS; s++) {
                senders.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (batches) {
                            int stored = postBatch();
                            if (stored > 0) {
                                events.addAndGet(stored);
                            } else {
                                failed.incrementAndGet();
                            }
                        } else if (postOne() != null) {
                            events.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Phase(
                events.get() / seconds,
                Double.NaN,
                Double.NaN,
                events.get(),
                failed.get(),
                cpuSince(cpu),
                seconds,
                Desk.NONE);
    }

    // ---------------------------------------------------------------- (d) open loop latency

    private Phase openLoop(Duration length) throws Exception {
        int count = (int) (length.toSeconds() * OPEN_LOOP_RATE);
        long interval = TimeUnit.SECONDS.toNanos(1) / OPEN_LOOP_RATE;
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        long[] cpu = cpuTicks();
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long at = started + i * interval;
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.submit(() -> {
                    String alarm = postOne();
                    if (alarm == null) {
                        failed.incrementAndGet();
                    } else {
                        scheduled.put(alarm, at);
                    }
                });
            }
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!arrivals.keySet().containsAll(scheduled.keySet()) && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        Cpu used = cpuSince(cpu);
        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> e : scheduled.entrySet()) {
            Long arrived = arrivals.get(e.getKey());
            if (arrived == null) {
                missing++;
            } else {
                latencies.add((arrived - e.getValue()) / 1e6);
            }
        }
        Collections.sort(latencies);
        return new Phase(
                scheduled.size() / sendSeconds,
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies.size(),
                failed.get() + missing,
                used,
                sendSeconds,
                desk(arrivalsOf(scheduled)));
    }

    // ---------------------------------------------------------------- HTTP

    /** Posts one event; the alarm's id when it was committed (202), else null. */
    private String postOne() {
        String cid = controllers.get(nextDevice());
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(event(cid)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ALARM_ID.matcher(answer.body());
            return answer.statusCode() == 202 && id.find() ? id.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Posts one batch of 100 events; how many were committed (0 when the batch was not). */
    private int postBatch() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append(event(controllers.get(nextDevice())));
        }
        body.append(']');
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                return 0;
            }
            int stored = 0;
            Matcher id = ALARM_ID.matcher(answer.body());
            while (id.find()) {
                stored++;
            }
            return stored;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String event(String controller) {
        return "{\"eventId\":\"bench-" + UUID.randomUUID() + "\",\"code\":\"BUTTON_PRESSED\",\"device\":"
                + "{\"scaipControllerId\":\"" + controller + "\",\"scaipDeviceId\":\"1\"}}";
    }

    /** Spreads events over the demo residents' safety alarms, one after the other. */
    private int nextDevice() {
        return (int) (nextDevice.getAndIncrement() % controllers.size());
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
                    streamEvents.incrementAndGet();
                    arrivals.putIfAbsent(m.group(1), now);
                }
                if (line.startsWith("data:")) {
                    strip.changed();
                }
            });
        } catch (IOException | InterruptedException | UncheckedIOException e) {
            // the stream ends when the application stops at the end of the run
        }
    }

    // ---------------------------------------------------------------- the queue strip, as desk.js reads it

    private final DeskStrip strip = new DeskStrip();

    /**
     * desk.js on every operator page: a stream event schedules a strip read 150 ms later (one pending at a time);
     * a read never overlaps another, and events during a read make it read again as soon as it ends. Each
     * successful read is kept as (started, answered) to tell when each alarm was first shown.
     */
    private final class DeskStrip {
        private static final long DEBOUNCE_MS = 150;
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().factory());
        private final List<long[]> reads = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private boolean scheduled;
        private boolean inFlight;
        private boolean again;

        synchronized void changed() {
            if (!scheduled) {
                scheduled = true;
                timer.schedule(this::read, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        }

        private void read() {
            synchronized (this) {
                scheduled = false;
                if (inFlight) {
                    again = true;
                    return;
                }
                inFlight = true;
                again = false;
            }
            Thread.ofVirtual().start(() -> {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/console/strip"))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        reads.add(new long[] {started, System.nanoTime()});
                    }
                    outcomes.computeIfAbsent("HTTP " + answer.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // a failed read is not an update: the alarm waits for the next one
                    outcomes.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                boolean repeat;
                synchronized (this) {
                    inFlight = false;
                    repeat = again;
                }
                if (repeat) {
                    read();
                }
            });
        }

        /** When the strip first showed an alarm whose stream event arrived at {@code arrival}; -1 if never. */
        long shown(long arrival) {
            synchronized (reads) {
                long best = -1;
                for (long[] read : reads) {
                    if (read[0] >= arrival && (best < 0 || read[1] < best)) {
                        best = read[1];
                    }
                }
                return best;
            }
        }
    }

    /** Each sent alarm's scheduled send time and the time its stream event arrived (sent alarms only). */
    private Map<Long, Long> arrivalsOf(Map<String, Long> scheduled) {
        Map<Long, Long> sentToArrived = new java.util.HashMap<>();
        scheduled.forEach((alarm, at) -> {
            Long arrived = arrivals.get(alarm);
            if (arrived != null) {
                sentToArrived.merge(at, arrived, Math::max);
            }
        });
        return sentToArrived;
    }

    private Desk desk(Map<Long, Long> sentToArrived) throws InterruptedException {
        Thread.sleep(2000); // the last reads answer
        List<Double> shown = new ArrayList<>();
        int never = 0;
        for (Map.Entry<Long, Long> e : sentToArrived.entrySet()) {
            long at = strip.shown(e.getValue());
            if (at < 0) {
                never++;
            } else {
                shown.add((at - e.getKey()) / 1e6);
            }
        }
        Collections.sort(shown);
        if (shown.isEmpty()) {
            return Desk.NONE;
        }
        long within = shown.stream().filter(ms -> ms <= 1000).count();
        return new Desk(
                percentile(shown, 50),
                percentile(shown, 99),
                shown.getLast(),
                within / (double) (shown.size() + never));
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

    // ---------------------------------------------------------------- CPU per process

    /** Clock ticks used so far by: the application JVM, PostgreSQL (all its processes), this JVM with children. */
    private long[] cpuTicks() throws IOException {
        long postgres = 0;
        for (long pid : varde.databaseProcesses()) {
            postgres += ticks(pid);
        }
        return new long[] {
            ticks(varde.process().pid()),
            postgres,
            ticks(ProcessHandle.current().pid())
        };
    }

    private Cpu cpuSince(long[] before) throws IOException {
        long[] now = cpuTicks();
        return new Cpu(
                (now[0] - before[0]) / (double) TICKS_PER_SECOND,
                (now[1] - before[1]) / (double) TICKS_PER_SECOND,
                (now[2] - before[2]) / (double) TICKS_PER_SECOND);
    }

    /**
     * utime + stime + cutime + cstime of one process: its own CPU and that of its children that exited and were
     * waited for (the postmaster's exited backends, this JVM's pgbench).
     */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14
            return Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException e) {
            return 0; // the process ended between listing and reading; its time is in its parent's counters
        }
    }

    // ---------------------------------------------------------------- report

    private String summary(Map<String, Phase> phases) {
        return String.format(
                "(a) %.0f tx/s, (b) %.0f ev/s, (c) %.0f ev/s, (d) p50 %.1f ms p99 %.1f ms",
                phases.get("a").perSecond(),
                phases.get("b").perSecond(),
                phases.get("c").perSecond(),
                phases.get("d").p50(),
                phases.get("d").p99());
    }

    private String report(List<Map<String, Phase>> results, Map<String, long[]> perEvent, int runs, Duration length)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Varde alarm-core benchmark (issue 8), " + label + ", " + Instant.now());
        lines.add("code: " + app + " at " + gitHead());
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average at the end " + loadAverage());
        lines.add("database: embedded PostgreSQL, fsync=" + setting("fsync") + ", synchronous_commit="
                + setting("synchronous_commit") + ", version " + setting("server_version"));
        lines.add(String.format(
                "%d runs of %d s per phase, median reported; one operator console stream open throughout; %d senders",
                runs, length.toSeconds(), SENDERS));
        lines.add("pgbench script: src/test/resources/no/varde/benchmark/" + scriptName);
        lines.add("rows written per single-event POST (PostgreSQL's counters over 200 events: inserts / updates):");
        perEvent.forEach((table, c) ->
                lines.add(String.format("  %-28s %.2f / %.2f", table, c[0] / (double) c[2], c[1] / (double) c[2])));
        lines.add("");
        lines.add(String.format("%-62s %10s %8s %8s %8s %8s", "", "median", "app CPU", "pg CPU", "load CPU", "runs"));
        row(
                lines,
                results,
                "a",
                "(a) pgbench, Varde's per-event inserts, 1 tx/event, 8 clients (tx/s)",
                Phase::perSecond);
        row(lines, results, "b", "(b) single-event HTTP ingest, 8 senders (events/s)", Phase::perSecond);
        row(lines, results, "c", "(c) batch ingest, 100 per request, 8 senders (events/s)", Phase::perSecond);
        row(lines, results, "d", "(d) POST → console stream at 200 ev/s open loop, p50 (ms)", Phase::p50);
        row(lines, results, "d", "(d) POST → console stream at 200 ev/s open loop, p99 (ms)", Phase::p99);
        row(
                lines,
                results,
                "d",
                "(d, desk) POST → queue strip updated, p50 (ms)",
                p -> p.desk().p50());
        row(
                lines,
                results,
                "d",
                "(d, desk) POST → queue strip updated, p99 (ms)",
                p -> p.desk().p99());
        row(
                lines,
                results,
                "d",
                "(d, desk) POST → queue strip updated, max (ms)",
                p -> p.desk().max());
        row(
                lines,
                results,
                "d",
                "(d, desk) share of alarms on the strip within 1 s (%)",
                p -> 100 * p.desk().withinSecond());
        double a = median(results, "a", Phase::perSecond);
        double b = median(results, "b", Phase::perSecond);
        double c = median(results, "c", Phase::perSecond);
        double p99 = median(results, "d", Phase::p99);
        lines.add("");
        lines.add(String.format(
                "goals: (b) >= 0.5 x (a): %.2f x %s; (c) >= 2 x (a): %.2f x %s; (d) p99 < 100 ms: %.1f ms %s",
                b / a,
                b >= 0.5 * a ? "met" : "MISSED",
                c / a,
                c >= 2 * a ? "met" : "MISSED",
                p99,
                p99 < 100 ? "met" : "MISSED"));
        double deskP99 = median(results, "d", p -> p.desk().p99());
        lines.add(String.format(
                "issue 11: a new alarm on the queue strip of every operator page within 1 s (cue: the stream event, p99"
                        + " %.1f ms; strip p99 %.1f ms): %s",
                p99, deskP99, deskP99 <= 1000 ? "met" : "MISSED"));
        int failed = results.stream()
                .flatMap(r -> r.values().stream())
                .mapToInt(Phase::failed)
                .sum();
        lines.add("failed or missing (all phases, all runs): " + failed);
        lines.add("queue strip reads (all phases): " + strip.outcomes);
        lines.add("CPU columns: seconds of CPU per second of the phase (1.00 = one core busy), median of the runs");
        lines.add("");
        return String.join("\n", lines);
    }

    private static void row(
            List<String> lines,
            List<Map<String, Phase>> results,
            String phase,
            String title,
            ToDoubleFunction<Phase> value) {
        List<String> each = results.stream()
                .map(r -> String.format("%.1f", value.applyAsDouble(r.get(phase))))
                .toList();
        lines.add(String.format(
                "%-62s %10.1f %8.2f %8.2f %8.2f   %s",
                title,
                median(results, phase, value),
                median(results, phase, p -> p.cpu().app() / p.seconds()),
                median(results, phase, p -> p.cpu().postgres() / p.seconds()),
                median(results, phase, p -> p.cpu().load() / p.seconds()),
                String.join(" / ", each)));
    }

    private static double median(List<Map<String, Phase>> results, String phase, ToDoubleFunction<Phase> value) {
        List<Double> values = new ArrayList<>(
                results.stream().map(r -> value.applyAsDouble(r.get(phase))).toList());
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private String setting(String name) throws Exception {
        try (Connection db = varde.database();
                var statement = db.createStatement();
                ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "-C", app.toString(), "log", "-1", "--format=%h %s")
                    .redirectErrorStream(true)
                    .start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            git.waitFor();
            return head;
        } catch (IOException | InterruptedException e) {
            return "unknown commit";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
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
