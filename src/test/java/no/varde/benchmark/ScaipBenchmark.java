package no.varde.benchmark;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.varde.VardeApplication;
import no.varde.ingest.scaip.ScaipReceiver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: SCAIP over UDP with Debian's SIPp (sip-tester) against a running Varde (embedded
 * PostgreSQL with fsync and synchronous commit on, the demo region's safety alarms as devices), and side by side in
 * the same run a stateless Kamailio (Debian's kamailio, {@code src/test/resources/benchmark/kamailio.cfg}) answering
 * 200 to the same MESSAGE stream: the ceiling of SIP handling on this machine.
 *
 * <p>Each Varde call is the whole device exchange (MESSAGE → 200 after the commit → Varde's mrs MESSAGE → 200). A
 * rate is sustained when SIPp reports every call successful and none failed, and the number of events committed for
 * the step (counted in the database by the step's refs) equals SIPp's successful calls. The answer time is SIPp's
 * response time 1 (MESSAGE sent → 200 received, per call with {@code -trace_rtt}).
 *
 * <p>Run with {@code bin/varde bench-scaip [varde rates] [kamailio rates] [seconds per step]}; figures are printed
 * and written to {@code target/benchmark/scaip.txt}.
 */
public final class ScaipBenchmark {

    static final Path OUT = Path.of("target/benchmark");
    static final Path WORK = OUT.resolve("scaip");

    /** SIPp's figures of one step. */
    record SippResult(int exitCode, long successful, long failed, long created, long[] rttMicros) {}

    public static void main(String[] args) throws Exception {
        int[] vardeRates = rates(args.length > 0 ? args[0] : "200,300,400,500,600,800,1000,1200,1500,2000");
        int[] kamailioRates = rates(args.length > 1 ? args[1] : "1000,2000,4000,6000,8000,10000,12000");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Files.createDirectories(WORK);
        int sipPort = freePort();
        int status;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde=WARN",
                        "--varde.ingest.reception.commit-timeout=2s",
                        "--varde.ingest.scaip.port=" + sipPort,
                        "--varde.ingest.scaip.tls-port=-1",
                        "--varde.ingest.dc09.enabled=false")) {
            status = new ScaipBenchmark().run(app, vardeRates, kamailioRates, seconds);
        }
        System.exit(status);
    }

    private int run(ConfigurableApplicationContext app, int[] vardeRates, int[] kamailioRates, int seconds)
            throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int port = app.getBean(ScaipReceiver.class).port();
        String fsync = jdbc.sql("show fsync").query(String.class).single();
        String synchronousCommit =
                jdbc.sql("show synchronous_commit").query(String.class).single();
        List<String> controllers = jdbc.sql("select scaip_controller_id from device where type = 'SAFETY_ALARM'"
                        + " and scaip_controller_id is not null order by 1")
                .query(String.class)
                .list();
        Path injection = WORK.resolve("controllers.csv");
        Files.writeString(injection, "SEQUENTIAL\n" + String.join(";\n", controllers) + ";\n");

        List<String> lines = new ArrayList<>();
        lines.add("Varde SCAIP over UDP benchmark (SIPp " + sippVersion() + "), " + Instant.now());
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), Java "
                + System.getProperty("java.version") + "; Varde, its embedded PostgreSQL (fsync=" + fsync
                + ", synchronous_commit=" + synchronousCommit + "), SIPp and Kamailio on the same machine");
        lines.add("devices: " + controllers.size() + " demo safety-alarm controllers; " + seconds + " s per step");
        lines.add("load average before: " + Dc09Benchmark.loadAverage());

        Process kamailio = startKamailio();
        try {
            // warm-up: JIT, connection pool
            sipp("scaip-load", port, 200, 5, injection, "warmup" + shortId());
            Thread.sleep(2000);

            lines.add("");
            lines.add("Varde (whole exchange: MESSAGE → 200 after commit → mrs MESSAGE → 200):");
            lines.add(header());
            int vardeBest = 0;
            Long p99At500 = null;
            for (int rate : vardeRates) {
                String run = "r" + rate + "z" + shortId();
                SippResult result = sipp("scaip-load", port, rate, seconds, injection, run);
                long committed = jdbc.sql("select count(*) from received_event where source = 'SCAIP'"
                                + " and event_key like ? and alarm_id is not null")
                        .param(run + "x%")
                        .query(Long.class)
                        .single();
                boolean sustained = result.failed() == 0
                        && result.successful() == (long) rate * seconds
                        && committed == result.successful();
                if (sustained) {
                    vardeBest = Math.max(vardeBest, rate);
                }
                if (rate == 500) {
                    p99At500 = percentile(result.rttMicros(), 0.99);
                }
                String line = row(rate, result, committed, sustained);
                System.out.println("varde    " + line);
                lines.add(line);
                if (!sustained) {
                    break;
                }
                Thread.sleep(3000);
            }

            lines.add("");
            lines.add("Kamailio 5.6, stateless (sl_send_reply 200 to MESSAGE, 2 children; no commit, no mrs):");
            lines.add(header());
            int kamailioBest = 0;
            int kamailioPort = this.kamailioPort;
            for (int rate : kamailioRates) {
                SippResult result =
                        sipp("scaip-load-message-only", kamailioPort, rate, seconds, injection, "k" + shortId());
                boolean sustained = result.failed() == 0 && result.successful() == (long) rate * seconds;
                if (sustained) {
                    kamailioBest = Math.max(kamailioBest, rate);
                }
                String line = row(rate, result, -1, sustained);
                System.out.println("kamailio " + line);
                lines.add(line);
                if (!sustained) {
                    break;
                }
                Thread.sleep(2000);
            }

            lines.add("");
            lines.add("Varde highest sustained rate (no failed call, all committed, events in the database = SIPp's"
                    + " successful calls): " + vardeBest + " exchanges/s");
            lines.add("Kamailio highest sustained rate (no failed call): " + kamailioBest + " MESSAGE/s");
            lines.add(String.format(
                    Locale.ROOT,
                    "ratio Varde / Kamailio: %.2f (goal ≥ 0.3)",
                    kamailioBest == 0 ? 0.0 : (double) vardeBest / kamailioBest));
            lines.add("Varde p99 answer time (MESSAGE → 200) at 500 msg/s: "
                    + (p99At500 == null ? "not reached" : String.format(Locale.ROOT, "%.1f ms", p99At500 / 1000.0)));
            lines.add("load average after: " + Dc09Benchmark.loadAverage());
        } finally {
            kamailio.destroy();
            if (!kamailio.waitFor(10, TimeUnit.SECONDS)) {
                kamailio.destroyForcibly();
            }
        }
        System.out.println(String.join("\n", lines));
        Path out = OUT.resolve("scaip.txt");
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("figures written to " + out.toAbsolutePath());
        return 0;
    }

    private int kamailioPort;

    private Process startKamailio() throws Exception {
        kamailioPort = freePort();
        Path runtime = WORK.resolve("kamailio");
        Files.createDirectories(runtime);
        Process process = new ProcessBuilder(
                        "kamailio",
                        "-f",
                        "src/test/resources/benchmark/kamailio.cfg",
                        "-DD",
                        "-E",
                        "-l",
                        "udp:127.0.0.1:" + kamailioPort,
                        "-Y",
                        runtime.toAbsolutePath().toString(),
                        "-P",
                        runtime.resolve("kamailio.pid").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("kamailio.log").toFile())
                .start();
        // ready when it answers one MESSAGE
        for (int attempt = 0; attempt < 50; attempt++) {
            Thread.sleep(200);
            if (!process.isAlive()) {
                throw new IllegalStateException("kamailio stopped: see " + WORK.resolve("kamailio.log"));
            }
            Path probe = WORK.resolve("probe.csv");
            Files.writeString(probe, "SEQUENTIAL\n4700000000;\n");
            if (sipp("scaip-load-message-only", kamailioPort, 1, 1, probe, "probe")
                            .successful()
                    == 1) {
                return process;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("kamailio did not answer on port " + kamailioPort);
    }

    /** One SIPp step: {@code rate} calls per second for {@code seconds}, open loop, over one UDP socket. */
    static SippResult sipp(String scenario, int port, int rate, int seconds, Path injection, String run)
            throws IOException, InterruptedException {
        Path dir = WORK.resolve(run);
        Files.createDirectories(dir);
        long calls = (long) rate * seconds;
        List<String> command = List.of(
                "sipp",
                "127.0.0.1:" + port,
                "-sf",
                Path.of("src/test/resources/sipp/bench", scenario + ".xml")
                        .toAbsolutePath()
                        .toString(),
                "-inf",
                injection.toAbsolutePath().toString(),
                "-key",
                "run",
                run,
                "-t",
                "u1",
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(freePort()),
                "-r",
                Integer.toString(rate),
                "-rp",
                "1000",
                "-m",
                Long.toString(calls),
                "-l",
                Long.toString(Math.max(1000, rate * 10L)),
                "-nostdin",
                "-recv_timeout",
                "10000",
                "-timeout",
                (seconds + 60) + "s",
                "-trace_stat",
                "-stf",
                "stat.csv",
                "-fd",
                "1",
                "-trace_rtt",
                "-rtt_freq",
                "1",
                "-trace_err",
                "-error_file",
                "errors.log",
                "-max_recv_loops",
                "10000",
                "-max_sched_loops",
                "10000");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile())
                .start();
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("SIPp did not finish: " + command);
        }
        Map<String, String> stats = lastStats(dir.resolve("stat.csv"));
        return new SippResult(
                process.exitValue(),
                Long.parseLong(stats.getOrDefault("SuccessfulCall(C)", "0")),
                Long.parseLong(stats.getOrDefault("FailedCall(C)", "0")),
                Long.parseLong(stats.getOrDefault("TotalCallCreated", "0")),
                rtts(dir));
    }

    /** The last line of SIPp's statistics file, by column name. */
    static Map<String, String> lastStats(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        List<String> rows = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isBlank())
                .toList();
        if (rows.size() < 2) {
            return values;
        }
        String[] names = rows.getFirst().split(";");
        String[] last = rows.getLast().split(";");
        for (int i = 0; i < Math.min(names.length, last.length); i++) {
            values.put(names[i].strip(), last[i].strip());
        }
        return values;
    }

    /** Every call's response time 1 from SIPp's {@code *_rtt.csv} ({@code date_ms;response_time_ms;rtd_no}). */
    static long[] rtts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path rtt = files.filter(p -> p.getFileName().toString().endsWith("_rtt.csv"))
                    .findFirst()
                    .orElse(null);
            if (rtt == null) {
                return new long[0];
            }
            return Files.readAllLines(rtt, StandardCharsets.ISO_8859_1).stream()
                    .map(l -> l.split(";"))
                    .filter(f -> f.length >= 2 && f[1].strip().matches("[0-9.]+"))
                    .mapToLong(f -> Math.round(Double.parseDouble(f[1].strip()) * 1000))
                    .sorted()
                    .toArray();
        }
    }

    private static String header() {
        return String.format(
                "%-7s %-8s %-10s %-7s %-10s %-8s %-8s %-8s %-9s %s",
                "rate",
                "calls",
                "successful",
                "failed",
                "committed",
                "p50 ms",
                "p99 ms",
                "max ms",
                "sustained",
                "load avg");
    }

    private static String row(int rate, SippResult result, long committed, boolean sustained) {
        long[] rtt = result.rttMicros();
        return String.format(
                Locale.ROOT,
                "%-7d %-8d %-10d %-7d %-10s %-8.1f %-8.1f %-8.1f %-9s %s",
                rate,
                result.created(),
                result.successful(),
                result.failed(),
                committed < 0 ? "—" : Long.toString(committed),
                percentile(rtt, 0.50) / 1000.0,
                percentile(rtt, 0.99) / 1000.0,
                rtt.length == 0 ? 0.0 : rtt[rtt.length - 1] / 1000.0,
                sustained ? "yes" : "no",
                Dc09Benchmark.loadAverage());
    }

    static long percentile(long[] sorted, double p) {
        return Dc09Benchmark.percentile(sorted, p);
    }

    private static int[] rates(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    }

    private static String sippVersion() {
        try {
            Process p =
                    new ProcessBuilder("sipp", "-v").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text.strip()
                    .lines()
                    .filter(l -> l.contains("SIPp"))
                    .findFirst()
                    .orElse("?")
                    .strip();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(candidate)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }
}
