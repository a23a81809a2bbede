package no.varde.fleet;

import static no.varde.ingest.dc09.Dc09TestSender.clear;
import static no.varde.ingest.dc09.Dc09TestSender.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import no.varde.ingest.ProtocolTestConfiguration;
import no.varde.ingest.dc09.Dc09Receiver;
import no.varde.ingest.dc09.Dc09TestSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The alarm types' "clears" relation on a real protocol: a Contact ID restore (R301, AC power restored) sent over
 * DC-09 closes the device's AC power loss (E301) by its wait-for-restore rule.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class Dc09TechnicalRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dc09Receiver receiver;

    @Autowired
    Clock clock;

    @Test
    void aContactIdRestoreClosesThePowerLossItClearsByTheWaitForRestoreRule() throws Exception {
        FleetTestSupport fleet = new FleetTestSupport(mvc, jdbc);
        String account = fleet.newSiaDevice();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(
                    frame(clear("ADM-CID", "0001", account, "#" + account + "|1301 00 000", clock.instant()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"0001");
            String loss = alarm(account, "0001");
            awaitTimeline(fleet, loss, entry -> entry.contains(":WAIT_FOR_RESTORE|") && entry.contains("R301"));

            sender.send(
                    frame(clear("ADM-CID", "0002", account, "#" + account + "|3301 00 000", clock.instant()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"0002");
            assertThat(jdbc.sql("select source_code from alarm where id = ?")
                            .param(UUID.fromString(alarm(account, "0002")))
                            .query(String.class)
                            .single())
                    .isEqualTo("R301");
            awaitTimeline(
                    fleet,
                    loss,
                    entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet-rule:")
                            && entry.contains(":WAIT_FOR_RESTORE|")
                            && entry.contains("SIA R301"));
            assertThat(fleet.state(loss)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
        }
    }

    private String alarm(String account, String sequence) {
        return jdbc.sql("select id from alarm where details ->> 'senderIdentity' = ?")
                .param("SIA:" + account + ":" + sequence)
                .query(UUID.class)
                .single()
                .toString();
    }

    private static void awaitTimeline(FleetTestSupport fleet, String alarm, Predicate<String> entry) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(fleet.timeline(alarm)).anyMatch(entry));
    }
}
