package no.varde.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of VKP documents: one row per closed alarm, the work queue of the delivery worker. */
@Repository
public class JournalOutbox {

    private final JdbcClient jdbc;

    JournalOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the alarm's document once; a redelivered close event finds its row already there. */
    boolean insert(
            AlarmId alarmId,
            @Nullable String kommunenummer,
            DeliveryStatus status,
            String document,
            @Nullable String reasons,
            Instant now) {
        return jdbc.sql("""
                        insert into journal_delivery (id, alarm_id, kommunenummer, status, document, reasons, created_at,
                            next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (alarm_id) do nothing
                        """)
                        .params(
                                UUID.randomUUID(),
                                alarmId.value(),
                                kommunenummer,
                                status.name(),
                                document,
                                reasons,
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Takes up to {@code limit} due rows and leases them until {@code leaseUntil}, counting the attempt. Rows locked
     * by another node are skipped; a node that dies mid-send leaves the lease to run out, and the row is retried.
     */
    List<JournalDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update journal_delivery set attempts = attempts + 1, next_attempt_at = :lease
                where id in (select id from journal_delivery where status = 'PENDING' and next_attempt_at <= :now
                             order by next_attempt_at limit :limit for update skip locked)
                returning *
                """)
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> delivery(rs))
                .list();
    }

    void accepted(UUID id, int httpStatus, Instant at) {
        jdbc.sql("update journal_delivery set status = 'ACCEPTED', http_status = ?, accepted_at = ?, last_error = null"
                        + " where id = ? and status = 'PENDING'")
                .params(httpStatus, Timestamp.from(at), id)
                .update();
    }

    void failed(UUID id, @Nullable Integer httpStatus, String reason, Instant at) {
        jdbc.sql("update journal_delivery set status = 'FAILED', http_status = ?, reasons = ?, last_error = ?,"
                        + " failed_at = ? where id = ? and status = 'PENDING'")
                .params(httpStatus, reason, reason, Timestamp.from(at), id)
                .update();
    }

    void retryLater(UUID id, @Nullable Integer httpStatus, String reason, Instant next) {
        jdbc.sql("update journal_delivery set http_status = ?, last_error = ?, next_attempt_at = ? where id = ?"
                        + " and status = 'PENDING'")
                .params(httpStatus, reason, Timestamp.from(next), id)
                .update();
    }

    /** An administrator's retry of a failed delivery: pending again, due now, attempts counted afresh. */
    public boolean retry(UUID id, Instant now) {
        return jdbc.sql("update journal_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                                + " failed_at = null where id = ? and status = 'FAILED'")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    public Optional<JournalDelivery> ofAlarm(AlarmId alarmId) {
        return jdbc.sql("select * from journal_delivery where alarm_id = ?")
                .param(alarmId.value())
                .query((rs, row) -> delivery(rs))
                .optional();
    }

    public List<JournalDelivery> failed(int limit) {
        return jdbc.sql("select * from journal_delivery where status = 'FAILED' order by failed_at desc limit ?")
                .param(limit)
                .query((rs, row) -> delivery(rs))
                .list();
    }

    /** Documents held back because they failed validation or lack a resident; they are never sent. */
    public List<JournalDelivery> held(int limit) {
        return jdbc.sql("select * from journal_delivery where status = 'HELD' order by created_at desc limit ?")
                .param(limit)
                .query((rs, row) -> delivery(rs))
                .list();
    }

    private static JournalDelivery delivery(ResultSet rs) throws SQLException {
        int http = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : http;
        return new JournalDelivery(
                rs.getObject("id", UUID.class),
                new AlarmId(rs.getObject("alarm_id", UUID.class)),
                rs.getString("kommunenummer"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getString("document"),
                rs.getString("reasons"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                httpStatus,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("failed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
