package no.varde.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail. Offers no way to change or delete it; the database refuses that too. */
@Service
public class AuditTrail {

    /** Counting stops here: a page says "more than 10,000" rather than scanning years of a municipality's trail. */
    public static final int COUNT_LIMIT = 10_000;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The audit lines of one municipality (or every municipality when {@code kommunenummer} is null), newest
     * first, optionally for some residents or one user and within a period, at most {@code limit} of them.
     */
    public List<AuditEvent> find(AuditQuery query) {
        if (query.matchesNothing()) {
            return List.of();
        }
        Map<String, Object> params = params(query);
        params.put("limit", query.limit());
        return jdbc.sql("select * from audit_event where " + FILTER
                        + " order by occurred_at desc, id desc limit :limit")
                .params(params)
                .query((rs, row) -> event(rs))
                .list();
    }

    /**
     * One page of the trail, newest first, by keyset: the page {@linkplain Position#older older} than a position
     * (or the newest page without one), or the page {@linkplain Position#newer newer} than it. Stable while
     * entries are added: a new entry never shifts the rows of a page already shown.
     */
    public AuditPage page(AuditQuery query, @Nullable Position position, int size) {
        if (query.matchesNothing()) {
            return new AuditPage(List.of(), null, null, 0);
        }
        Map<String, Object> params = params(query);
        params.put("limit", size + 1);
        String where = FILTER;
        boolean newer = position != null && position.newer();
        if (position != null) {
            params.put("atTime", OffsetDateTime.ofInstant(position.occurredAt(), ZoneOffset.UTC));
            params.put("atId", position.id());
            where += newer
                    ? " and (occurred_at, id) > (cast(:atTime as timestamptz), :atId)"
                    : " and (occurred_at, id) < (cast(:atTime as timestamptz), :atId)";
        }
        List<AuditEvent> rows = new ArrayList<>(jdbc.sql("select * from audit_event where " + where
                        + (newer ? " order by occurred_at, id" : " order by occurred_at desc, id desc")
                        + " limit :limit")
                .params(params)
                .query((rs, row) -> event(rs))
                .list());
        if (rows.size() > size) {
            rows.removeLast();
        }
        if (newer) {
            Collections.reverse(rows);
        }
        Position older = null;
        Position newerThan = null;
        if (!rows.isEmpty()) {
            AuditEvent first = rows.getFirst();
            AuditEvent last = rows.getLast();
            if (exists(query, "<", last)) {
                older = Position.olderThan(last);
            }
            if (exists(query, ">", first)) {
                newerThan = Position.newerThan(first);
            }
        }
        return new AuditPage(rows, older, newerThan, count(query));
    }

    private boolean exists(AuditQuery query, String comparison, AuditEvent event) {
        Map<String, Object> params = params(query);
        params.put("atTime", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
        params.put("atId", event.id());
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from audit_event where " + FILTER
                        + " and (occurred_at, id) " + comparison + " (cast(:atTime as timestamptz), :atId))")
                .params(params)
                .query(Boolean.class)
                .single());
    }

    /** How many lines match, counted up to {@link #COUNT_LIMIT} + 1. */
    private long count(AuditQuery query) {
        Map<String, Object> params = params(query);
        params.put("cap", COUNT_LIMIT + 1);
        return jdbc.sql("select count(*) from (select 1 from audit_event where " + FILTER + " limit :cap) capped")
                .params(params)
                .query(Long.class)
                .single();
    }

    private static final String FILTER = """
            (cast(:kommune as text) is null or kommunenummer = :kommune)
              and (not :byResident or resident_id = any(cast(:residents as uuid[])))
              and (cast(:username as text) is null or username = :username)
              and (cast(:from as timestamptz) is null or occurred_at >= :from)
              and (cast(:to as timestamptz) is null or occurred_at < :to)
            """;

    private static Map<String, Object> params(AuditQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put(
                "kommune",
                query.kommunenummer() == null ? null : query.kommunenummer().value());
        params.put("byResident", query.residentIds() != null);
        params.put(
                "residents",
                query.residentIds() == null ? new UUID[0] : query.residentIds().toArray(UUID[]::new));
        params.put("username", query.username());
        params.put("from", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        params.put("to", query.to() == null ? null : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        return params;
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("username"),
                rs.getString("role"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getObject("resident_id", UUID.class),
                rs.getString("kommunenummer"),
                rs.getString("what"),
                rs.getString("channel"),
                rs.getString("purpose"),
                rs.getString("client_address"));
    }

    /**
     * What to read.
     *
     * @param kommunenummer the municipality whose trail, or null for every municipality (system administrators)
     * @param residentIds the residents whose lines, or null for all lines; an empty set matches nothing (a search
     *     that found no resident)
     */
    public record AuditQuery(
            @Nullable Kommunenummer kommunenummer,
            @Nullable Set<UUID> residentIds,
            @Nullable String username,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {

        public AuditQuery {
            residentIds = residentIds == null ? null : Set.copyOf(residentIds);
        }

        boolean matchesNothing() {
            return residentIds != null && residentIds.isEmpty();
        }
    }

    /**
     * A place in the trail (an entry's time and id) and which way to read from it. Written into paging links as
     * {@code <microseconds since 1970>.<id>}.
     */
    public record Position(Instant occurredAt, long id, boolean newer) {

        /** 9999-12-31T23:59:59.999999Z: later than any entry, and within what the database's timestamps hold. */
        private static final long LATEST_MICROS = 253_402_300_799_999_999L;

        static Position olderThan(AuditEvent event) {
            return new Position(event.occurredAt(), event.id(), false);
        }

        static Position newerThan(AuditEvent event) {
            return new Position(event.occurredAt(), event.id(), true);
        }

        /** The position as a link carries it. */
        public String token() {
            long micros = Math.addExact(
                    Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1_000);
            return micros + "." + id;
        }

        /** Reads a link's position; a value no link of ours would carry is refused with the reason. */
        public static Position parse(String token, boolean newer) {
            String[] parts = token.strip().split("\\.", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("must be a position from a paging link (<time>.<id>)");
            }
            try {
                long micros = Long.parseLong(parts[0]);
                long id = Long.parseLong(parts[1]);
                if (micros < 0 || micros > LATEST_MICROS || id < 0) {
                    throw new IllegalArgumentException("must be a position from a paging link (<time>.<id>)");
                }
                Instant at = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new Position(at, id, newer);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("must be a position from a paging link (<time>.<id>)");
            }
        }
    }

    /**
     * One page of the trail, newest first.
     *
     * @param older where the next (older) page starts, or null on the last page
     * @param newer where the previous (newer) page starts, or null on the first page
     * @param total how many lines match, up to {@link #COUNT_LIMIT} + 1
     */
    public record AuditPage(
            List<AuditEvent> events,
            @Nullable Position older,
            @Nullable Position newer,
            long total) {

        public boolean totalCapped() {
            return total > COUNT_LIMIT;
        }
    }
}
