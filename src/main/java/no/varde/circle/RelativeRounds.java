package no.varde.circle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications of relatives from alarms (rounds) and their messages, with the SMS outbox's delivery status. */
@Repository
public class RelativeRounds {

    private final JdbcClient jdbc;

    RelativeRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A relative's message as stored, with its SMS's delivery status. */
    public record Message(
            UUID id,
            UUID roundId,
            int position,
            String relativeName,
            String phone,
            @Nullable UUID smsId,
            String state,
            @Nullable Instant sentAt,
            @Nullable Instant confirmedAt,
            @Nullable String smsStatus,
            @Nullable String smsError) {

        /** What the operator sees: QUEUED, SENT, OUTBOX, DELIVERED, FAILED, CONFIRMED, WAITING, PASSED, NOT_SENT_NO_CONSENT. */
        public String status() {
            if (confirmedAt != null) {
                return "CONFIRMED";
            }
            if (!"SENT".equals(state) || smsStatus == null) {
                return state;
            }
            return "PENDING".equals(smsStatus) ? "QUEUED" : smsStatus;
        }
    }

    public record Round(
            UUID id,
            AlarmId alarmId,
            ResidentId residentId,
            String templateCode,
            @Nullable String freeText,
            boolean askConfirmation,
            @Nullable Duration escalateAfter,
            String state,
            String createdBy,
            Instant createdAt,
            List<Message> messages) {}

    void insertRound(
            UUID id,
            AlarmId alarm,
            ResidentId resident,
            String template,
            @Nullable String freeText,
            boolean askConfirmation,
            @Nullable Duration escalateAfter,
            String by,
            Instant at) {
        jdbc.sql("""
                insert into relative_round (id, alarm_id, resident_id, template_code, free_text, ask_confirmation,
                    escalate_after_seconds, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)
                """)
                .params(
                        id,
                        alarm.value(),
                        resident.value(),
                        template,
                        freeText,
                        askConfirmation,
                        escalateAfter == null ? null : (int) escalateAfter.toSeconds(),
                        by,
                        Timestamp.from(at))
                .update();
    }

    void insertMessage(UUID id, UUID round, int position, String name, String phone, String state) {
        jdbc.sql("insert into relative_message (id, round_id, position, relative_name, phone, state)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, round, position, name, phone, state)
                .update();
    }

    void sent(UUID message, UUID smsId, Instant at) {
        jdbc.sql("update relative_message set state = 'SENT', sms_id = ?, sent_at = ? where id = ?")
                .params(smsId, Timestamp.from(at), message)
                .update();
    }

    void markState(UUID message, String state) {
        jdbc.sql("update relative_message set state = ? where id = ?")
                .params(state, message)
                .update();
    }

    void roundState(UUID round, String state) {
        jdbc.sql("update relative_round set state = ? where id = ?")
                .params(state, round)
                .update();
    }

    /** Records the confirmation once; returns whether this call recorded it. */
    boolean confirm(UUID message, Instant at) {
        return jdbc.sql("update relative_message set confirmed_at = ? where id = ? and confirmed_at is null")
                        .params(Timestamp.from(at), message)
                        .update()
                > 0;
    }

    public List<Round> ofAlarm(AlarmId alarm) {
        return jdbc.sql("select * from relative_round where alarm_id = ? order by created_at, id")
                .param(alarm.value())
                .query((rs, row) -> round(rs))
                .list();
    }

    Optional<Round> lockRound(UUID id) {
        return jdbc.sql("select * from relative_round where id = ? for update")
                .param(id)
                .query((rs, row) -> round(rs))
                .optional();
    }

    Round lockRoundForRead(UUID id) {
        return jdbc.sql("select * from relative_round where id = ?")
                .param(id)
                .query((rs, row) -> round(rs))
                .single();
    }

    /** Running rounds with escalation whose awaited message was sent before {@code sentBefore}: locked, skipping others'. */
    List<UUID> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("""
                select r.id from relative_round r
                where r.state = 'RUNNING' and r.escalate_after_seconds is not null
                  and exists (select 1 from relative_message m where m.round_id = r.id and m.state = 'SENT'
                              and m.confirmed_at is null and m.sent_at + make_interval(secs => r.escalate_after_seconds) <= ?)
                order by r.created_at limit ? for update of r skip locked
                """)
                .params(Timestamp.from(now), limit)
                .query(UUID.class)
                .list();
    }

    public Optional<Message> message(UUID id) {
        return jdbc.sql(MESSAGES + " where m.id = ?")
                .param(id)
                .query((rs, row) -> message(rs))
                .optional();
    }

    Optional<Message> messageOfSms(UUID smsId) {
        return jdbc.sql(MESSAGES + " where m.sms_id = ?")
                .param(smsId)
                .query((rs, row) -> message(rs))
                .optional();
    }

    Optional<AlarmId> alarmOfRound(UUID round) {
        return jdbc.sql("select alarm_id from relative_round where id = ?")
                .param(round)
                .query(UUID.class)
                .optional()
                .map(AlarmId::new);
    }

    private static final String MESSAGES = """
            select m.*, s.status as sms_status, s.last_error as sms_error
            from relative_message m left join sms_message s on s.id = m.sms_id""";

    private List<Message> messages(UUID round) {
        return jdbc.sql(MESSAGES + " where m.round_id = ? order by m.position")
                .param(round)
                .query((rs, row) -> message(rs))
                .list();
    }

    private Round round(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int seconds = rs.getInt("escalate_after_seconds");
        Duration escalate = rs.wasNull() ? null : Duration.ofSeconds(seconds);
        return new Round(
                id,
                new AlarmId(rs.getObject("alarm_id", UUID.class)),
                new ResidentId(rs.getObject("resident_id", UUID.class)),
                rs.getString("template_code"),
                rs.getString("free_text"),
                rs.getBoolean("ask_confirmation"),
                escalate,
                rs.getString("state"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                messages(id));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(
                rs.getObject("id", UUID.class),
                rs.getObject("round_id", UUID.class),
                rs.getInt("position"),
                rs.getString("relative_name"),
                rs.getString("phone"),
                rs.getObject("sms_id", UUID.class),
                rs.getString("state"),
                Consents.instant(rs.getTimestamp("sent_at")),
                Consents.instant(rs.getTimestamp("confirmed_at")),
                rs.getString("sms_status"),
                rs.getString("sms_error"));
    }
}
