package no.varde.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.varde.VardeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: a storm of technical events with a human alarm every second through it (issue 10). Starts
 * Varde in-process (test profile: embedded PostgreSQL with fsync on, the demo region; supervision every 5 s, the
 * storm threshold at its default of 10 devices and 20 %), adds {@code devices} active devices of one vendor spread
 * over the region's municipalities (bulk SQL: a benchmark's setup), a few hundred of them the demo residents' only
 * other device, then for {@code seconds} posts {@code events} technical events (power loss, battery low, device
 * fault) in batches of 100 to {@code POST /api/v1/events/batch} on a fixed schedule, and every second one button
 * alarm of a demo resident through the same endpoint. It measures each button alarm's POST → arrival of its
 * {@code RECEIVED} change on the operator's console stream, whether and when it appeared in an operator's console
 * open in Debian's Chromium (Playwright, polled every 250 ms), and how the storm appeared: incidents, operator items,
 * and the storm's alarms still open (console rows) against those the incident rule closed. Run with
 * {@code bin/varde bench-storm [events] [seconds] [devices]}; the report is printed and written to
 * {@code target/benchmark/storm.txt}.
 */
public final class StormBenchmark {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern RECEIVED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"what\":\"RECEIVED\"");
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\":\"([0-9a-f-]{36})\"");
    private static final String[] CODES = {"POWER_LOSS", "BATTERY_LOW", "DEVICE_FAULT"};
    private static final int BATCH = 100;
    private static final String VENDOR = "StormBench";

    private final String base;
    private final JdbcClient jdbc;
    private final HttpClient http;
    private final Map<String, Long> streamArrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> browserArrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> buttonsSent = new ConcurrentHashMap<>();
    private final AtomicInteger stormCommitted = new AtomicInteger();
    private final AtomicInteger stormFailed = new AtomicInteger();
    private final AtomicInteger buttonFailed = new AtomicInteger();
    private final AtomicInteger streamRows = new AtomicInteger();
    private final Map<String, AtomicInteger> stormAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> buttonAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> answerSamples = new ConcurrentHashMap<>();

    private void tally(Map<String, AtomicInteger> answers, String what, String sample) {
        answers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        answerSamples.putIfAbsent(what, sample.length() > 300 ? sample.substring(0, 300) : sample);
    }

    private StormBenchmark(String base, JdbcClient jdbc) {
        this.base = base;
        this.jdbc = jdbc;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int code = 1;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde=WARN",
                        "--varde.ingest.scaip.enabled=false",
                        "--varde.alarm.deadline-check-interval=1h",
                        "--varde.fleet.check-period=5s",
                        "--varde.fleet.storm.min-devices=10")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String report = new StormBenchmark(base, app.getBean(JdbcClient.class)).run(events, seconds, devices);
            System.out.println(report);
            Path out = Path.of("target", "benchmark", "storm.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            code = 0;
        }
        System.exit(code);
    }

    private String run(int events, int seconds, int devices) throws Exception {
        List<String> lines = new ArrayList<>();
        String buttonController = setUp(devices, lines);
        signIn();
        CountDownLatch connected = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> listen(connected));
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the console stream did not connect");
        }
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        int batches = Math.max(1, events / BATCH);
        long periodMicros = seconds * 1_000_000L / batches;
        AtomicInteger sentBatches = new AtomicInteger();
        AtomicInteger nextDevice = new AtomicInteger();
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
        schedule.scheduleAtFixedRate(
                () -> {
                    if (sentBatches.getAndIncrement() >= batches) {
                        return;
                    }
                    String body = stormBatch(nextDevice, devices);
                    Thread.ofVirtual().start(() -> postStorm(body));
                },
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        AtomicInteger buttons = new AtomicInteger();
        int buttonCount = seconds + 5;
        schedule.scheduleAtFixedRate(
                () -> {
                    if (buttons.getAndIncrement() < buttonCount) {
                        Thread.ofVirtual().start(() -> postButton(buttonController));
                    }
                },
                500,
                1000,
                TimeUnit.MILLISECONDS);

        try (Playwright playwright = Playwright.create();
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(
                                        Path.of(System.getenv().getOrDefault("VARDE_CHROMIUM", "/usr/bin/chromium")))
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync",
                                        "--no-first-run")))) {
            Page page = browser.newContext().newPage();
            page.navigate(base + "/login?lang=nb");
            page.getByLabel("Brukernavn").fill("supervisor");
            page.getByLabel("Passord").fill("varde-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn"))
                    .click();
            page.waitForURL(base + "/");
            page.navigate(base + "/console");
            long until = startedNanos + (buttonCount + 10) * 1_000_000_000L;
            while (System.nanoTime() < until) {
                @SuppressWarnings("unchecked")
                List<String> shown = (List<String>) page.evaluate(
                        "() => Array.from(document.querySelectorAll('tr[data-alarm-id]')).map(r => r.dataset.alarmId)");
                long now = System.nanoTime();
                shown.forEach(id -> browserArrivals.putIfAbsent(id, now));
                Thread.sleep(250);
            }
            schedule.shutdownNow();
            Thread.sleep(6_000); // one more supervision pass (every 5 s) after the last event
            page.navigate(base + "/console?tab=technical");
            String technicalCount = page.locator("#count-technical").first().textContent();
            lines.add("console technical tab count at the end (every open technical alarm of the region): "
                    + technicalCount.strip());
        }
        double stormSeconds = (System.nanoTime() - startedNanos) / 1e9;
        report(lines, started, events, batches, seconds, stormSeconds);
        return String.join("\n", lines) + "\n";
    }

    private String setUp(int devices, List<String> lines) {
        long t0 = System.nanoTime();
        jdbc.sql("""
                        insert into device (id, kommunenummer, type, vendor, model, serial_number, status, last_heard_at,
                            last_heard_source)
                        select gen_random_uuid(), m.k[1 + n % cardinality(m.k)],
                               (array['SAFETY_ALARM', 'SMOKE_DETECTOR', 'DOOR_SENSOR', 'FALL_SENSOR'])[1 + n % 4],
                               ?, 'SB-1', 'SB-' || n, 'ACTIVE', now() - interval '1 minute', 'HTTP'
                        from generate_series(1, ?) n,
                             (select array_agg(kommunenummer order by kommunenummer) as k from municipality) m
                        """).params(VENDOR, devices).update();
        // a few hundred demo residents get one storm device as their only other device (their demo alarm never
        // reported, so it does not count as working): the incident lists them on one operator item
        int assigned = jdbc.sql("""
                        update device d set resident_id = r.id from (
                            select s.id as device, r.id from
                              (select id, kommunenummer, row_number() over (partition by kommunenummer order by id) as n
                               from device where vendor = ? and type = 'SAFETY_ALARM') s
                            join (select id, kommunenummer,
                                         row_number() over (partition by kommunenummer order by id) as n
                                  from resident) r on r.kommunenummer = s.kommunenummer and r.n = s.n
                            where s.n <= 15) r
                        where d.id = r.device
                        """).param(VENDOR).update();
        jdbc.sql("analyze device").update();
        String controller = jdbc.sql("""
                        select d.scaip_controller_id from device d
                        where d.type = 'SAFETY_ALARM' and d.resident_id is not null and d.scaip_controller_id is not null
                          and d.vendor <> ? order by d.id limit 1
                        """).param(VENDOR).query(String.class).single();
        lines.add(String.format(
                Locale.ROOT,
                "setup: %,d storm devices of vendor %s over the region's municipalities (%d of them a demo resident's),"
                        + " %.1f s; the button alarms come from SCAIP controller %s (a demo resident's safety alarm)",
                devices,
                VENDOR,
                assigned,
                (System.nanoTime() - t0) / 1e9,
                controller));
        return controller;
    }

    private static String stormBatch(AtomicInteger nextDevice, int devices) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            int n = nextDevice.getAndIncrement();
            body.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"storm-")
                    .append(UUID.randomUUID())
                    .append("\",\"code\":\"")
                    .append(CODES[(n / devices) % CODES.length])
                    .append("\",\"device\":{\"vendor\":\"")
                    .append(VENDOR)
                    .append("\",\"serialNumber\":\"SB-")
                    .append(1 + n % devices)
                    .append("\"}}");
        }
        return body.append(']').toString();
    }

    private void postStorm(String body) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            tally(stormAnswers, "HTTP " + answer.statusCode(), answer.body());
            if (answer.statusCode() == 202) {
                Matcher id = ALARM_ID.matcher(answer.body());
                int stored = 0;
                while (id.find()) {
                    stored++;
                }
                stormCommitted.addAndGet(stored);
            } else {
                stormFailed.addAndGet(BATCH);
            }
        } catch (IOException e) {
            tally(stormAnswers, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            stormFailed.addAndGet(BATCH);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void postButton(String controller) {
        String body = "[{\"eventId\":\"storm-button-" + UUID.randomUUID() + "\",\"code\":\"BUTTON_PRESSED\","
                + "\"device\":{\"scaipControllerId\":\"" + controller + "\",\"scaipDeviceId\":\"1\"}}]";
        long sent = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            tally(buttonAnswers, "HTTP " + answer.statusCode(), answer.body());
            Matcher id = ALARM_ID.matcher(answer.body());
            if (answer.statusCode() == 202 && id.find()) {
                buttonsSent.put(id.group(1), sent);
            } else {
                buttonFailed.incrementAndGet();
            }
        } catch (IOException e) {
            tally(buttonAnswers, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            buttonFailed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                    streamRows.incrementAndGet();
                    streamArrivals.putIfAbsent(m.group(1), now);
                }
            });
        } catch (IOException | InterruptedException | UncheckedIOException e) {
            // the stream ends when the application stops
        }
    }

    private void signIn() throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=operator&password=varde-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
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

    private void report(List<String> lines, Instant started, int events, int batches, int seconds, double elapsed) {
        lines.add(
                0,
                String.format(
                        Locale.ROOT,
                        "storm benchmark %s: %,d technical events in %d batches of %d over %d s, a button alarm every second;"
                                + " load average %s",
                        started,
                        events,
                        batches,
                        BATCH,
                        seconds,
                        loadAverage()));
        lines.add(String.format(
                Locale.ROOT,
                "storm events committed (202): %,d; failed or timed out: %,d; measured window %.1f s",
                stormCommitted.get(),
                stormFailed.get(),
                elapsed));
        lines.add("storm answers: " + stormAnswers + "; button answers: " + buttonAnswers);
        answerSamples.forEach((what, sample) -> lines.add("  sample " + what + ": " + sample.replace('\n', ' ')));
        List<Double> toStream = new ArrayList<>();
        List<Double> toBrowser = new ArrayList<>();
        List<String> each = new ArrayList<>();
        List<Map.Entry<String, Long>> sent = new ArrayList<>(buttonsSent.entrySet());
        sent.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Long> button : sent) {
            Long stream = streamArrivals.get(button.getKey());
            Long browser = browserArrivals.get(button.getKey());
            double streamMs = stream == null ? Double.NaN : (stream - button.getValue()) / 1e6;
            double browserMs = browser == null ? Double.NaN : (browser - button.getValue()) / 1e6;
            if (stream != null) {
                toStream.add(streamMs);
            }
            if (browser != null) {
                toBrowser.add(browserMs);
            }
            each.add(String.format(Locale.ROOT, "%.1f", streamMs));
        }
        Collections.sort(toStream);
        Collections.sort(toBrowser);
        lines.add(String.format(
                Locale.ROOT,
                "button alarms: %d sent and committed, %d failed; on the console stream %d; in the open browser %d",
                sent.size(),
                buttonFailed.get(),
                toStream.size(),
                toBrowser.size()));
        lines.add(String.format(
                Locale.ROOT,
                "POST → console stream, ms: p50 %.1f, p99 %.1f, max %.1f; within 1 s: %d of %d",
                percentile(toStream, 50),
                percentile(toStream, 99),
                toStream.isEmpty() ? Double.NaN : toStream.getLast(),
                toStream.stream().filter(ms -> ms < 1000).count(),
                sent.size()));
        lines.add("POST → console stream, every button alarm in sending order, ms: " + String.join(" ", each));
        lines.add(String.format(
                Locale.ROOT,
                "POST → row in the open operator browser (polled every 250 ms), ms: p50 %.0f, p99 %.0f, max %.0f",
                percentile(toBrowser, 50),
                percentile(toBrowser, 99),
                toBrowser.isEmpty() ? Double.NaN : toBrowser.getLast()));
        lines.add(String.format(
                Locale.ROOT,
                "RECEIVED changes on the operator's console stream during the run: %,d",
                streamRows.get()));
        java.sql.Timestamp from = java.sql.Timestamp.from(started);
        jdbc.sql("""
                        select i.id, i.dimension, i.dimension_key, i.detected_at - i.started_at as lag,
                               i.detected_at - ? as after_start,
                               (select count(*) from fleet_incident_device m where m.incident_id = i.id) as devices,
                               (select count(*) from fleet_incident_resident r where r.incident_id = i.id) as residents,
                               i.operator_alarm_id is not null as alarm_item, i.technical_alarm_id is not null as tech_item
                        from fleet_incident i where i.detected_at >= ? order by i.id
                        """)
                .params(from, from)
                .query((rs, row) -> String.format(
                        Locale.ROOT,
                        "incident #%d %s %s: %,d devices, %d residents listed, detected %s after the first silence/fault"
                                + " and %s after the storm began; operator item: %s",
                        rs.getLong("id"),
                        rs.getString("dimension"),
                        rs.getString("dimension_key"),
                        rs.getInt("devices"),
                        rs.getInt("residents"),
                        rs.getString("lag"),
                        rs.getString("after_start"),
                        rs.getBoolean("alarm_item")
                                ? "one ALARM listing the residents"
                                : rs.getBoolean("tech_item") ? "one technical item" : "none"))
                .list()
                .forEach(lines::add);
        lines.add(jdbc.sql("""
                        select format('storm alarms stored: %s; closed by the incident rule: %s; still open (console rows,'
                               || ' technical tab): %s; human (ALARM) alarms of storm devices: %s',
                               count(*), count(*) filter (where a.state = 'CLOSED'),
                               count(*) filter (where a.state <> 'CLOSED'), count(*) filter (where a.category = 'ALARM'))
                        from alarm a join device d on d.id = a.device_id where d.vendor = ? and a.received_at >= ?
                        """).params(VENDOR, from).query(String.class).single());
        lines.add(jdbc.sql("select format('fleet listener backlog at the end (incomplete event publications): %s',"
                        + " count(*)) from event_publication where completion_date is null")
                .query(String.class)
                .single());
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
