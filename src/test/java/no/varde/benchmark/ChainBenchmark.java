package no.varde.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.varde.VardeApplication;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmState;
import no.varde.alarm.Alarms;
import no.varde.alarm.FirstShown;
import no.varde.fleet.ChainSupervision;
import no.varde.registry.AccessScope;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: chain supervision over a week of alarms. Starts Varde (test profile, embedded PostgreSQL,
 * scheduled supervision off), adds {@code alarms} human alarms received over the last 7 days from 2,000 devices of
 * four vendors in Brønnøy and Rana (bulk SQL: a benchmark's setup, not a fixture), each occurred, shown and claimed
 * a few seconds apart, then times the 7-day distributions (region and one municipality) and the console's
 * first-shown recording for a queue of 200 waiting alarms (first render: one update of 200 rows; later renders: no
 * statement at all). Run with {@code bin/varde bench-chain [alarms]}; figures are printed and written to
 * {@code target/benchmark/chain.txt}.
 */
public final class ChainBenchmark {

    public static void main(String[] args) throws Exception {
        int alarms = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde=WARN",
                        "--varde.fleet.supervision-enabled=false",
                        "--varde.ingest.scaip.enabled=false")) {
            run(app, alarms);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int alarms) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ChainSupervision chains = app.getBean(ChainSupervision.class);
        List<String> lines = new ArrayList<>();
        String batch = "chainbench-" + System.currentTimeMillis();
        long setup = System.nanoTime();
        jdbc.sql("""
                        insert into device (id, kommunenummer, type, vendor, model, serial_number, status)
                        select gen_random_uuid(), case when n % 2 = 0 then '1813' else '1833' end, 'SAFETY_ALARM',
                               'Vendor' || (n % 4), ?, 'C' || n, 'ACTIVE'
                        from generate_series(1, 2000) n
                        """).param(batch).update();
        jdbc.sql("""
                        insert into alarm (id, category, source, source_code, vkp_alert_code, title, priority, state,
                            kommunenummer, device_id, device_label, occurred_at, received_at, claim_deadline,
                            original_claim_deadline, first_shown_at, first_shown_by, claimed_at, claimed_by, outcome,
                            closed_at)
                        select gen_random_uuid(), 'ALARM', 'HTTP', 'BUTTON_PRESSED', '3', 'Benchmark', 2, 'CLOSED',
                               d.k[1 + a.n % 2000], d.ids[1 + a.n % 2000], d.s[1 + a.n % 2000],
                               r - random() * interval '3 seconds', r,
                               r + interval '60 seconds', r + interval '60 seconds',
                               r + random() * interval '2 seconds', 'operator',
                               r + interval '2 seconds' + random() * interval '40 seconds', 'operator',
                               'RESOLVED_BY_PHONE', r + interval '5 minutes'
                        from (select n, now() - random() * interval '7 days' as r from generate_series(1, ?) n) a,
                             (select array_agg(id order by serial_number) as ids,
                                     array_agg(kommunenummer order by serial_number) as k,
                                     array_agg(serial_number order by serial_number) as s
                              from device where model = ?) d
                        """).params(alarms, batch).update();
        jdbc.sql("analyze alarm").update();
        jdbc.sql("analyze device").update();
        lines.add(String.format(
                Locale.ROOT,
                "setup: %,d alarms of 2,000 devices over 7 days in %.1f s",
                alarms,
                (System.nanoTime() - setup) / 1e9));

        Instant now = Instant.now();
        long start0 = System.nanoTime();
        jdbc.sql("select count(*) from alarm where received_at >= now() - interval '7 days'")
                .query(Long.class)
                .single();
        lines.add(String.format(
                Locale.ROOT, "count of the week's alarms (a floor): %d ms", (System.nanoTime() - start0) / 1_000_000));
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            ChainSupervision.Summary summary = chains.summary(AccessScope.all(), now);
            long regionMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            chains.summary(AccessScope.of(java.util.Set.of(Kommunenummer.of("1813"))), now);
            long municipalityMs = (System.nanoTime() - start) / 1_000_000;
            lines.add(String.format(
                    Locale.ROOT,
                    "%s 7-day summary: region %d ms (%,d alarms, %d groups, %d abnormal devices), Brønnøy %d ms",
                    i == 0 ? "first" : "again",
                    regionMs,
                    summary.all() == null ? 0 : summary.all().alarms(),
                    summary.groups().size(),
                    summary.abnormalDevices().size(),
                    municipalityMs));
        }

        // the console path: 200 waiting alarms rendered to an operator
        jdbc.sql("""
                        insert into alarm (id, category, source, source_code, vkp_alert_code, title, priority, state,
                            kommunenummer, occurred_at, received_at, claim_deadline, original_claim_deadline)
                        select gen_random_uuid(), 'ALARM', 'HTTP', 'BUTTON_PRESSED', '3', ?, 2, 'RECEIVED', '1813',
                               now(), now(), now() + interval '1 hour', now() + interval '1 hour'
                        from generate_series(1, 200)
                        """).param(batch).update();
        UUID centre = jdbc.sql(
                        "select response_centre_id from response_centre_municipality where kommunenummer = '1813'")
                .query(UUID.class)
                .single();
        VardeUser operator = new VardeUser(UUID.randomUUID(), "bench.operator", "Bench", Role.OPERATOR, null, centre);
        List<Alarm> queue = app
                .getBean(Alarms.class)
                .list(operator, EnumSet.of(AlarmState.RECEIVED), AlarmCategory.ALARM, 10_000)
                .stream()
                .filter(a -> a.title().equals(batch))
                .toList();
        FirstShown firstShown = app.getBean(FirstShown.class);
        long start = System.nanoTime();
        firstShown.shown(operator, queue);
        double first = (System.nanoTime() - start) / 1e6;
        long recorded = jdbc.sql("select count(*) from alarm where title = ? and first_shown_at is not null")
                .param(batch)
                .query(Long.class)
                .single();
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            firstShown.shown(operator, queue);
        }
        double again = (System.nanoTime() - start) / 1e6 / 100;
        lines.add(String.format(
                Locale.ROOT,
                "first shown, a queue of %d waiting alarms: first render %.1f ms (%d recorded), later renders %.3f ms",
                queue.size(),
                first,
                recorded,
                again));
        lines.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "chain.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
