package no.varde.dispatch.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.dispatch.CalloutId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of outgoing messages: the outbox page, and the work queue of the delivery. */
@Repository
public class SmsMessages {

    private final JdbcClient jdbc;

    SmsMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id, @Nullable CalloutId calloutId, String name, String to, String text, String gateway, Instant now) {
        jdbc.sql("""
                insert into sms_message (id, callout_id, recipient_name, recipient, text, gateway, status, created_at,
                    next_attempt_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                """)
                .params(
                        id,
                        calloutId == null ? null : calloutId.value(),
                        name,
                        to,
                        text,
                        gateway,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Takes up to {@code limit} due messages and leases them until {@code leaseUntil}, counting the attempt. Rows
     * locked by another node, and rows queued for another gateway (a node configured differently), are skipped; a node that dies mid-send leaves the lease to run out and be retried.
     */
    List<SmsMessage> claimDue(String gateway, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update sms_message set attempts = attempts + 1, next_attempt_at = :lease
                where id in (select id from sms_message where status = 'PENDING' and gateway = :gateway
                             and next_attempt_at <= :now
                             order by next_attempt_at limit :limit for update skip locked)
                returning *
                """)
                .param("gateway", gateway)
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> message(rs))
                .list();
    }

    int delivered(UUID id, SmsStatus status, Instant at) {
        return jdbc.sql("update sms_message set status = ?, sent_at = ? where id = ? and status = 'PENDING'")
                .params(status.name(), Timestamp.from(at), id)
                .update();
    }

    /**
     * The gateway's delivery report. A report may overtake our own bookkeeping (the gateway answers the send after
     * the phone got it), so a PENDING message takes it too; DELIVERED and FAILED are final.
     */
    int reported(UUID id, SmsStatus status, @Nullable String reason, Instant at) {
        return jdbc.sql("""
                update sms_message set status = :status,
                    delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end,
                    failed_at = case when :status = 'FAILED' then :at else failed_at end,
                    sent_at = coalesce(sent_at, :at),
                    last_error = case when :status = 'FAILED' then :reason else last_error end
                where id = :id and status in ('PENDING', 'SENT')
                """)
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    void retryLater(UUID id, String reason, Instant next) {
        jdbc.sql("update sms_message set last_error = ?, next_attempt_at = ? where id = ? and status = 'PENDING'")
                .params(reason, Timestamp.from(next), id)
                .update();
    }

    int failed(UUID id, String reason, Instant at) {
        return jdbc.sql("update sms_message set status = 'FAILED', last_error = ?, failed_at = ? where id = ?"
                        + " and status = 'PENDING'")
                .params(reason, Timestamp.from(at), id)
                .update();
    }

    public List<SmsMessage> recent(int limit) {
        return jdbc.sql("select * from sms_message order by created_at desc, id limit ?")
                .param(limit)
                .query((rs, row) -> message(rs))
                .list();
    }

    public List<SmsMessage> ofCallout(CalloutId calloutId) {
        return jdbc.sql("select * from sms_message where callout_id = ? order by created_at, id")
                .param(calloutId.value())
                .query((rs, row) -> message(rs))
                .list();
    }

    public Optional<SmsMessage> find(UUID id) {
        return jdbc.sql("select * from sms_message where id = ?")
                .param(id)
                .query((rs, row) -> message(rs))
                .optional();
    }

    private static SmsMessage message(ResultSet rs) throws SQLException {
        return new SmsMessage(
                rs.getObject("id", UUID.class),
                calloutId(rs.getObject("callout_id", UUID.class)),
                rs.getString("recipient_name"),
                rs.getString("recipient"),
                rs.getString("text"),
                rs.getString("gateway"),
                SmsStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "sent_at"),
                instant(rs, "failed_at"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"));
    }

    private static @Nullable CalloutId calloutId(@Nullable UUID value) {
        return value == null ? null : new CalloutId(value);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
