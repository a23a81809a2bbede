package no.varde.fleet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.fleet.demo.FleetDemoSimulation.Behaviour;
import no.varde.fleet.demo.FleetDemoSimulation.Simulated;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo's simulated vendor platform, fast-forwarded (a round every half second) against a real Varde on a random
 * port: its events go through the HTTP ingest with the demo token, heartbeats carry battery levels, silent devices
 * stop reporting, and technical events are handled by the rules (closed without a person, technician tasks). The
 * context is closed after the class, so the simulation stops before other tests run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "varde.demo.fleet-simulation.enabled=true",
            "varde.demo.fleet-simulation.token="
                    + "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production",
            "varde.demo.fleet-simulation.start-delay=0s",
            "varde.demo.fleet-simulation.period=500ms",
            "varde.demo.fleet-simulation.technical-every=2",
            "varde.demo.fleet-simulation.resume-after=60m"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FleetDemoSimulationIntegrationTests {

    @Autowired
    FleetDemoSimulation simulation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSimulatedPlatformReportsThroughIngestAndTheRulesHandleItsTechnicalEvents() {
        Instant started = Instant.now();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !simulation.fleet().isEmpty());
        List<Simulated> fleet = simulation.fleet();
        assertThat(fleet).hasSizeGreaterThan(18);
        assertThat(fleet).filteredOn(s -> s.behaviour() != Behaviour.HEALTHY).isNotEmpty();
        Simulated healthy = fleet.stream()
                .filter(s -> s.behaviour() == Behaviour.HEALTHY)
                .findFirst()
                .orElseThrow();

        // heartbeats with battery levels, over HTTP
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select last_heard_source || '|' || (battery_percent is not null) from device"
                                                + " where id = ? and last_heard_at >= ?")
                                        .params(healthy.device().id().value(), Timestamp.from(started))
                                        .query(String.class)
                                        .optional())
                        .contains("HTTP|true"));

        // technical events closed by rules without a person, and battery low from a sensor as a technician task
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(closedByRuleSince(started)).isPositive();
            assertThat(jdbc.sql(
                                    "select count(*) from fleet_task t join alarm a on a.id = t.alarm_id"
                                            + " where t.created_at >= ? and a.source = 'HTTP' and a.source_code = 'BATTERY_LOW'")
                            .param(Timestamp.from(started))
                            .query(Long.class)
                            .single())
                    .isPositive();
        });

        // a silent device reported once and then stopped
        Simulated silent = fleet.stream()
                .filter(s -> s.behaviour() != Behaviour.HEALTHY)
                .findFirst()
                .orElseThrow();
        Instant heard = lastHeard(silent.device().id().value());
        Awaitility.await()
                .pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(lastHeard(healthy.device().id().value())).isAfter(heard));
        assertThat(lastHeard(silent.device().id().value())).isEqualTo(heard);
        // the simulation sends nothing that needs a person
        assertThat(jdbc.sql("select count(*) from alarm a join device d on d.id = a.device_id"
                                + " where a.received_at >= ? and a.category = 'ALARM' and a.source = 'HTTP'"
                                + " and d.id = any(?)")
                        .params(
                                Timestamp.from(started),
                                fleet.stream().map(s -> s.device().id().value()).toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long closedByRuleSince(Instant since) {
        return jdbc.sql(
                        "select count(*) from alarm a where a.received_at >= ? and a.category = 'TECHNICAL'"
                                + " and a.source = 'HTTP' and a.state = 'CLOSED' and a.claimed_by is null"
                                + " and exists (select 1 from alarm_timeline t where t.alarm_id = a.id and t.kind = 'CLOSED_BY_RULE')")
                .param(Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    private Instant lastHeard(UUID device) {
        return jdbc.sql("select last_heard_at from device where id = ?")
                .param(device)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
