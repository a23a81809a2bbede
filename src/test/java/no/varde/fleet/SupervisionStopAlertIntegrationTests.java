package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Supervision stopped: two "nodes" on a lease of this test's own, time driven by explicit instants. Node A holds a
 * long lease and stops making passes; node B notices, once per stop: one stop row, one outbox message, the banner on
 * system administrators' pages, cleared when A's passes resume.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionStopAlertIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Supervision supervision;

    @Autowired
    SupervisionAlerts alerts;

    @Autowired
    FleetProperties properties;

    @Autowired
    ChainProperties chain;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @Test
    void aStopIsShownToSystemAdministratorsAndMessagedOnceAndClearedWhenPassesResume() throws Exception {
        String lease = "test-stop-" + UUID.randomUUID();
        SupervisionJob nodeA = new SupervisionJob(
                supervision,
                new SupervisionLease(jdbc, lease, "node-a", Duration.ofHours(1)),
                properties,
                clock,
                alerts);
        SupervisionJob nodeB = new SupervisionJob(
                supervision,
                new SupervisionLease(jdbc, lease, "node-b", Duration.ofHours(1)),
                properties,
                clock,
                alerts);
        Instant t0 = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(nodeA.runOnce(t0)).isPresent();
        assertThat(nodeB.runOnce(t0.plusSeconds(30))).as("A holds the lease").isEmpty();
        assertThat(alerts.of(lease, 10)).as("running: nothing to tell").isEmpty();
        assertThat(banner()).doesNotContain(lease);

        // A stops making passes but its lease lasts an hour: B, waiting, notices after lease-ttl + 2 × check-period
        Instant stale = t0.plus(properties.staleAfter()).plusSeconds(1);
        assertThat(nodeB.runOnce(stale)).isEmpty();
        nodeB.runOnce(stale.plusSeconds(30));
        nodeB.runOnce(stale.plusSeconds(60));
        List<SupervisionAlerts.Stop> stops = alerts.of(lease, 10);
        assertThat(stops).as("one stop, however many checks see it").hasSize(1);
        SupervisionAlerts.Stop stop = stops.getFirst();
        assertThat(stop.noticedAt()).isEqualTo(stale);
        assertThat(stop.noticedBy()).isEqualTo("node-b");
        assertThat(stop.lastPassAt()).isEqualTo(t0);
        assertThat(stop.resumedAt()).isNull();
        assertThat(stop.messageId()).isNotNull();
        assertThat(jdbc.sql("select recipient || '|' || text from sms_message where id = ?")
                        .param(stop.messageId())
                        .query(String.class)
                        .single())
                .startsWith(chain.onCallPhone() + "|Varde: tilsynet med utstyret har stoppet")
                .contains("VARDE-FLEET-0003");

        // the banner on system administrators' pages, loaded by every page's header
        assertThat(banner()).contains("data-lease=\"" + lease + "\"").contains("Tilsynet med utstyret har stoppet");
        String page = mvc.perform(get("/fleet/rules").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"supervision-alert\"").contains("/fleet/supervision/alert");
        mvc.perform(get("/fleet/supervision/alert").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());

        // A's passes resume: the stop is over, the banner goes
        Instant resumed = stale.plusSeconds(90);
        assertThat(nodeA.runOnce(resumed)).isPresent();
        assertThat(alerts.of(lease, 10))
                .singleElement()
                .satisfies(s -> assertThat(s.resumedAt()).isEqualTo(resumed));
        assertThat(banner()).doesNotContain(lease);

        // a new stop is a new message
        nodeB.runOnce(resumed.plus(properties.staleAfter()).plusSeconds(1));
        assertThat(alerts.of(lease, 10))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.messageId()).isNotNull());
        nodeA.runOnce(resumed.plus(properties.staleAfter()).plusSeconds(10));
        assertThat(alerts.of(lease, 10))
                .allSatisfy(s -> assertThat(s.resumedAt()).isNotNull());
        mvc.perform(get("/api/v1/fleet/supervision/stops").with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isOk());
    }

    private String banner() throws Exception {
        return mvc.perform(get("/fleet/supervision/alert").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
