package no.varde.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import no.varde.VardeApplication;
import no.varde.fleet.Supervision;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: one supervision pass over a large fleet. Starts Varde (test profile, embedded PostgreSQL,
 * the scheduled supervision off), adds {@code devices} active devices heard within the last two hours (a bulk SQL
 * insert: a benchmark's setup, not a fixture), then times passes that find nothing to raise (the steady state) and
 * one pass in which {@code silent} of them, given a 90 s class, have been silent too long and each get a lost-contact
 * alarm. Heap is sampled every millisecond during the passes; the figure is the peak above the heap in use after a
 * GC before them. Run with {@code bin/varde bench-fleet [devices] [silent]}; figures are printed and written to
 * {@code target/benchmark/supervision.txt}.
 */
public final class SupervisionBenchmark {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int silent = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde=WARN",
                        "--varde.fleet.supervision-enabled=false",
                        "--varde.ingest.scaip.enabled=false")) {
            run(app, devices, silent);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int devices, int silent) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Supervision supervision = app.getBean(Supervision.class);
        String batch = "bench-" + System.currentTimeMillis();
        long setup = System.nanoTime();
        jdbc.sql("""
                        insert into device (id, kommunenummer, type, vendor, model, serial_number, status, last_heard_at,
                            last_heard_source)
                        select gen_random_uuid(), '1813', 'SAFETY_ALARM', 'Bench', ?, 'S' || n, 'ACTIVE',
                               now() - (random() * interval '2 hours'), 'HTTP'
                        from generate_series(1, ?) n
                        """).params(batch, devices).update();
        jdbc.sql("analyze device").update();
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        List<String> lines = new ArrayList<>();
        long supervised = jdbc.sql("select count(*) from device where status = 'ACTIVE' and last_heard_at is not null")
                .query(Long.class)
                .single();
        lines.add(String.format(
                Locale.ROOT,
                "fleet: %,d devices added in %.1f s; %,d active devices heard at least once",
                devices,
                setupSeconds,
                supervised));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        supervision.check(Instant.now()); // warm-up
        List<Long> steady = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Supervision.Pass pass = supervision.check(Instant.now());
            steady.add((System.nanoTime() - started) / 1_000_000);
            if (pass.raised() != 0) {
                lines.add("note: a steady pass raised " + pass.raised());
            }
        }
        lines.add("steady-state passes (nothing to raise), ms: " + steady);

        jdbc.sql("""
                        insert into fleet_device (device_id, supervision_class, class_set_by, class_set_at)
                        select id, 'SECONDS_90', 'benchmark', now() from device where model = ? order by id limit ?
                        """).params(batch, silent).update();
        long started = System.nanoTime();
        Supervision.Pass raising = supervision.check(Instant.now().plusSeconds(3 * 3600));
        long raisingMillis = (System.nanoTime() - started) / 1_000_000;
        lines.add(String.format(
                Locale.ROOT,
                "pass raising %d lost-contact alarms (each its own transaction): %d ms (%d supervised)",
                raising.raised(),
                raisingMillis,
                raising.supervised()));
        sampling.set(false);
        sampler.join();
        lines.add(String.format(
                Locale.ROOT,
                "heap: %.1f MB in use after GC before the passes, peak %.1f MB during them (+%.1f MB)",
                baseline / 1e6,
                peak.get() / 1e6,
                (peak.get() - baseline) / 1e6));
        lines.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "supervision.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
