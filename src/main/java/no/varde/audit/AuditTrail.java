package no.varde.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail. Offers no way to change or delete it; the database refuses that too. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The audit lines of one municipality (or every municipality when {@code kommunenummer} is null), newest
     * first, optionally for one resident or user and within a period.
     */
    public List<AuditEvent> find(AuditQuery query) {
        return jdbc.sql("""
                select * from audit_event
                where (cast(:kommune as text) is null or kommunenummer = :kommune)
                  and (cast(:resident as uuid) is null or resident_id = :resident)
                  and (cast(:username as text) is null or username = :username)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                order by occurred_at desc, id desc
                limit :limit
                """)
                .param(
                        "kommune",
                        query.kommunenummer() == null
                                ? null
                                : query.kommunenummer().value())
                .param("resident", query.residentId())
                .param("username", query.username())
                .param("from", query.from() == null ? null : java.sql.Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : java.sql.Timestamp.from(query.to()))
                .param("limit", query.limit())
                .query((rs, row) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("username"),
                        rs.getString("role"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("kommunenummer"),
                        rs.getString("what"),
                        rs.getString("channel"),
                        rs.getString("purpose"),
                        rs.getString("client_address")))
                .list();
    }

    public record AuditQuery(
            @Nullable Kommunenummer kommunenummer,
            @Nullable UUID residentId,
            @Nullable String username,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {}
}
