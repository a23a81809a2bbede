package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision reports of many devices are recorded by several reception writers at once, each in its own
 * transaction. A benchmark found two writers deadlocking when they moved the same devices' last-heard in different
 * orders (PostgreSQL then aborts one group, which is retried event by event and stalls reception): the rows are now
 * updated in the order of their ids, whatever order the reports arrived in.
 */
@SpringBootTest
class DeviceSupervisionIntegrationTests {

    @Autowired
    Devices devices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentTransactionsReportingTheSameDevicesInAnyOrderNeverDeadlock() throws Exception {
        List<DeviceIdentity> fleet = jdbc.sql("select scaip_controller_id, scaip_device_id from device"
                        + " where scaip_controller_id is not null order by random() limit 12")
                .query((rs, row) -> new DeviceIdentity(rs.getString(1), rs.getString(2), null, null, null, null))
                .list();
        assertThat(fleet).hasSize(12);
        long deadlocksBefore = deadlocks();
        Instant heardAt = Instant.now().minusSeconds(5);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            writers.add(() -> {
                int recorded = 0;
                for (int group = 0; group < 25; group++) {
                    List<Devices.Heard> reports = new ArrayList<>();
                    for (DeviceIdentity device : fleet) {
                        reports.add(new Devices.Heard(
                                device, heardAt, ThreadLocalRandom.current().nextBoolean()));
                    }
                    Collections.shuffle(reports);
                    recorded += transactions.execute(status -> {
                        int known = devices.heardAll(reports);
                        // hold the row locks a moment, as a group's other writes do, so the writers overlap
                        jdbc.sql("select pg_sleep(0.002)").query().listOfRows();
                        return known;
                    });
                }
                return recorded;
            });
        }
        var pool = Executors.newFixedThreadPool(writers.size());
        try {
            for (Future<Integer> done : pool.invokeAll(writers)) {
                assertThat(done.get())
                        .as("every report of a known device is recorded")
                        .isEqualTo(25 * 12);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(deadlocks()).as("deadlocks detected by PostgreSQL").isEqualTo(deadlocksBefore);
        assertThat(jdbc.sql("select count(*) from device where (scaip_controller_id, scaip_device_id) in"
                                + " (select unnest(?::text[]), unnest(?::text[])) and last_heard_at >= ?")
                        .param(fleet.stream()
                                .map(DeviceIdentity::scaipControllerId)
                                .toArray(String[]::new))
                        .param(fleet.stream().map(DeviceIdentity::scaipDeviceId).toArray(String[]::new))
                        .param(java.sql.Timestamp.from(heardAt))
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    private long deadlocks() {
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
                .query(Long.class)
                .single();
    }
}
