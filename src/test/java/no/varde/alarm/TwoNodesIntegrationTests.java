package no.varde.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.varde.VardeApplication;
import no.varde.accounts.UserAccounts;
import no.varde.alarm.live.AlarmFeed;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Varde nodes on one PostgreSQL: each sees the other's changes live (LISTEN/NOTIFY), an alarm can never be
 * claimed by both, and a deadline escalates once however many nodes run the job.
 */
class TwoNodesIntegrationTests {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    static void stopNodes() {
        nodeB.close();
        nodeA.close();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run("--server.port=0", "--varde.alarm.deadline-check-interval=1h");
    }

    @Test
    void aChangeCommittedOnOneNodeReachesTheOtherNodesFeed() throws Exception {
        List<AlarmId> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable subscription =
                nodeB.getBean(AlarmFeed.class).subscribe(change -> seen.add(change.alarmId()))) {
            AlarmId id = receiveOn(nodeA);
            // other contexts on the same database change alarms too; wait for this one
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> seen.contains(id));
        }
    }

    @Test
    void twoOperatorsOnTwoNodesNeverBothClaimAnAlarm() throws Exception {
        VardeUser operator = user(nodeA, "operator");
        VardeUser operator2 = user(nodeB, "operator2");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 15; i++) {
                AlarmId id = receiveOn(nodeA);
                CountDownLatch start = new CountDownLatch(1);
                Future<Boolean> a = pool.submit(() -> claim(nodeA, operator, id, start));
                Future<Boolean> b = pool.submit(() -> claim(nodeB, operator2, id, start));
                start.countDown();
                assertThat(List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder(true, false);
                assertThat(claims(id)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deadlineJobsOnBothNodesEscalateOnce() throws Exception {
        List<AlarmId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(receiveOn(nodeA));
        }
        Instant later = Instant.now().plusSeconds(61);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> a = pool.submit(() -> escalate(nodeA, later, start));
            Future<?> b = pool.submit(() -> escalate(nodeB, later, start));
            start.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        for (AlarmId id : ids) {
            assertThat(jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'ESCALATED'")
                            .param(id.value())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private static Object escalate(ConfigurableApplicationContext node, Instant at, CountDownLatch start)
            throws InterruptedException {
        start.await();
        return node.getBean(AlarmDeadlines.class).escalateOverdue(at);
    }

    private static boolean claim(ConfigurableApplicationContext node, VardeUser user, AlarmId id, CountDownLatch start)
            throws InterruptedException {
        start.await();
        try {
            node.getBean(Alarms.class).claim(user, id);
            return true;
        } catch (AlarmActionRefused refused) {
            return false;
        }
    }

    private static int claims(AlarmId id) {
        return nodeA.getBean(JdbcClient.class)
                .sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'CLAIMED'")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    private static VardeUser user(ConfigurableApplicationContext node, String username) {
        return node.getBean(UserAccounts.class)
                .findByUsername(username)
                .orElseThrow()
                .toVardeUser();
    }

    private static AlarmId receiveOn(ConfigurableApplicationContext node) {
        String cid = node.getBean(JdbcClient.class)
                .sql("select scaip_controller_id from device where type = 'SAFETY_ALARM' and kommunenummer = '1824'"
                        + " order by random() limit 1")
                .query(String.class)
                .single();
        Instant now = Instant.now();
        return node.getBean(Alarms.class)
                .receive(new DeviceEvent(
                        EventSource.HTTP,
                        "test:" + UUID.randomUUID(),
                        new DeviceIdentity(cid, "1", null, null, null, null),
                        null,
                        null,
                        "BUTTON_PRESSED",
                        null,
                        null,
                        null,
                        null,
                        null,
                        now,
                        now,
                        Map.of()));
    }
}
