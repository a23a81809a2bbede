package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit trail cannot be changed by the application's database role, and the hash chain over it shows a change
 * made by anyone else (the owner, a superuser): the check names the first broken entry.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditIntegrityIntegrationTests {

    private static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired(required = false)
    @FlywayDataSource
    DataSource embeddedOwner;

    @Autowired
    AuditChain chain;

    @Test
    void theApplicationsRoleCanAppendAndReadButNotChangeDeleteOrUnprotectTheTrail() {
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .as("the application does not run as a superuser")
                .isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single())
                .isPositive();
        for (String attack : new String[] {
            "update audit_event set what = 'changed'",
            "delete from audit_event",
            "truncate audit_event",
            "alter table audit_event disable trigger audit_event_no_update",
            "alter table audit_event disable trigger all",
            "set session_replication_role = replica",
            "update audit_chain set hash = '\\x00'",
            "delete from audit_seal",
            "drop table audit_event"
        }) {
            assertThatThrownBy(() -> jdbc.sql(attack).update())
                    .as(attack)
                    .rootCause()
                    .message()
                    .containsAnyOf("permission denied", "must be owner");
        }
    }

    @Test
    void theChainIsSealedInBatchesAndTheCheckNamesTheFirstChangedEntry() throws Exception {
        // something to seal: a read of a resident, audited
        UUID resident = jdbc.sql("select id from resident order by random() limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk());
        long newest =
                jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        // sealed by this call or, when a node's scheduled round holds the seal lock, by that round
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    chain.seal(5_000);
                    return jdbc.sql("select count(*) from audit_chain where event_id = ?")
                                    .param(newest)
                                    .query(Long.class)
                                    .single()
                            == 1;
                });
        mvc.perform(post("/api/v1/audit/verify").with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(post("/api/v1/audit/verify").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isForbidden());

        // someone with the owner's (or a superuser's) rights changes a sealed entry behind the triggers' back
        JdbcClient owner = JdbcClient.create(owner());
        long victim = jdbc.sql("select event_id from audit_chain order by seq desc offset 1 limit 1")
                .query(Long.class)
                .single();
        String original = jdbc.sql("select what from audit_event where id = ?")
                .param(victim)
                .query(String.class)
                .single();
        tamper(owner, "update audit_event set what = 'nothing to see here' where id = " + victim);
        try {
            mvc.perform(post("/api/v1/audit/verify").with(httpBasic("sysadmin", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.brokenEntryId").value(victim))
                    .andExpect(jsonPath("$.reason").value("the entry has been changed since it was sealed"));
        } finally {
            tamper(owner, "update audit_event set what = '" + original.replace("'", "''") + "' where id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aSecondNodeSkipsTheRoundWhileOneIsSealing() throws Exception {
        var sealing = new java.util.concurrent.CountDownLatch(1);
        var done = new java.util.concurrent.CountDownLatch(1);
        var template = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        Thread holder = Thread.ofVirtual()
                .start(() -> template.executeWithoutResult(status -> {
                    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('varde-audit-seal', 0))")
                            .query()
                            .listOfRows();
                    sealing.countDown();
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        sealing.await();
        try {
            mvc.perform(get("/api/v1/residents").with(httpBasic("sysadmin", PASSWORD)));
            assertThat(chain.seal(1000)).as("another node holds the seal lock").isZero();
        } finally {
            done.countDown();
            holder.join();
        }
    }

    private static void tamper(JdbcClient owner, String update) {
        owner.sql("alter table audit_event disable trigger audit_event_no_update")
                .update();
        try {
            owner.sql(update).update();
        } finally {
            owner.sql("alter table audit_event enable trigger audit_event_no_update")
                    .update();
        }
    }

    private DataSource owner() {
        if (embeddedOwner != null) {
            return embeddedOwner;
        }
        String user = System.getenv("SPRING_FLYWAY_USER");
        assertThat(user)
                .as("against an external database this test needs the owner role in SPRING_FLYWAY_USER")
                .isNotBlank();
        return new DriverManagerDataSource(
                System.getenv("SPRING_DATASOURCE_URL"), user, System.getenv("SPRING_FLYWAY_PASSWORD"));
    }
}
