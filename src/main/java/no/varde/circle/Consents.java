package no.varde.circle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Relatives' consents to SMS. The record is the rule: a message to a relative is queued only while an active consent
 * for that resident and phone number exists (checked under a row lock in the transaction that queues it).
 */
@Repository
public class Consents {

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every consent of the resident's relatives, active and withdrawn, newest first. */
    public List<Consent> history(ResidentId resident) {
        return jdbc.sql("select * from relative_consent where resident_id = ? order by granted_at desc, id")
                .param(resident.value())
                .query((rs, row) -> consent(rs))
                .list();
    }

    /** The active consents by phone number. */
    public Map<String, Consent> active(ResidentId resident) {
        return jdbc
                .sql("select * from relative_consent where resident_id = ? and withdrawn_at is null")
                .param(resident.value())
                .query((rs, row) -> consent(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(Consent::phone, Function.identity()));
    }

    /** The active consent for that phone, locked until the caller's transaction ends (so it cannot go meanwhile). */
    Optional<Consent> activeLocked(ResidentId resident, String phone) {
        return jdbc.sql("select * from relative_consent where resident_id = ? and phone = ? and withdrawn_at is null"
                        + " for update")
                .params(resident.value(), phone)
                .query((rs, row) -> consent(rs))
                .optional();
    }

    /** Records consent; a relative who already consented keeps the first record. Returns whether one was added. */
    boolean grant(ResidentId resident, String phone, String relativeName, String by, Instant at) {
        return jdbc.sql("""
                        insert into relative_consent (id, resident_id, phone, relative_name, granted_by, granted_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (resident_id, phone) where withdrawn_at is null do nothing
                        """)
                        .params(UUID.randomUUID(), resident.value(), phone, relativeName, by, Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Withdraws the active consent; returns whether there was one. */
    boolean withdraw(ResidentId resident, String phone, String by, String via, Instant at) {
        return jdbc.sql("update relative_consent set withdrawn_by = ?, withdrawn_at = ?, withdrawn_via = ?"
                                + " where resident_id = ? and phone = ? and withdrawn_at is null")
                        .params(by, Timestamp.from(at), via, resident.value(), phone)
                        .update()
                > 0;
    }

    private static Consent consent(ResultSet rs) throws SQLException {
        return new Consent(
                rs.getObject("id", UUID.class),
                rs.getString("phone"),
                rs.getString("relative_name"),
                rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getString("withdrawn_by"),
                instant(rs.getTimestamp("withdrawn_at")),
                rs.getString("withdrawn_via"));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
