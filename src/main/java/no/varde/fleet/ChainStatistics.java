package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.fleet.ChainSupervision.AbnormalDevice;
import no.varde.fleet.ChainSupervision.AlarmChain;
import no.varde.fleet.ChainSupervision.Group;
import no.varde.fleet.ChainSupervision.Link;
import no.varde.registry.AccessScope;
import no.varde.registry.NeedToKnow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alarm chain in SQL: per alarm occurred (device time) → received → first shown → claimed, its distributions per
 * vendor, protocol and municipality, and the devices whose figures are abnormal. Aggregates of the user's
 * municipalities (need-to-know); the device list names devices, never residents.
 */
@Repository
class ChainStatistics {

    /** Alarms of devices (not raised by Varde itself) received in the period, within the scope. */
    private static final String CHAIN = """
            select coalesce(d.vendor, '–') as vendor, a.source as protocol,
                   coalesce(cast(a.kommunenummer as text), '–') as kommune, a.category,
                   extract(epoch from a.received_at - a.occurred_at) as occurred_received,
                   extract(epoch from a.first_shown_at - a.received_at) as received_shown,
                   extract(epoch from a.claimed_at - a.first_shown_at) as shown_claimed,
                   extract(epoch from a.claimed_at - a.occurred_at) as press_claimed,
                   extract(epoch from a.first_shown_at - a.occurred_at) as press_shown,
                   a.device_id
            from alarm a left join device d on d.id = a.device_id
            where a.source <> 'FLEET' and a.received_at >= :from and a.received_at < :to
              and (cast(:vendor as text) is null or d.vendor = cast(:vendor as text)) and
            """;

    private final JdbcClient jdbc;

    ChainStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Human alarms (category ALARM) of the period by vendor, protocol and municipality, and all of them. The rows are
     * read once and the percentiles (PostgreSQL's percentile_cont: linear between the two nearest) computed here: in
     * SQL, four grouping sets of four ordered aggregates sorted every row sixteen times (2–3 s for 100,000 alarms).
     */
    List<Group> groups(AccessScope scope, Instant from, Instant to, @Nullable String vendor) {
        java.util.Map<String, Samples> groups = new java.util.TreeMap<>();
        jdbc.sql(CHAIN + NeedToKnow.within("a.kommunenummer") + " and a.category = 'ALARM'")
                .params(NeedToKnow.params(scope))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("vendor", vendor, java.sql.Types.VARCHAR)
                .query(rs -> {
                    double[] links = {
                        value(rs, "occurred_received"),
                        value(rs, "received_shown"),
                        value(rs, "shown_claimed"),
                        value(rs, "press_claimed")
                    };
                    for (String key : List.of(
                            "ALL|",
                            "MUNICIPALITY|" + rs.getString("kommune"),
                            "PROTOCOL|" + rs.getString("protocol"),
                            "VENDOR|" + rs.getString("vendor"))) {
                        groups.computeIfAbsent(key, k -> new Samples()).add(links);
                    }
                });
        return groups.entrySet().stream()
                .map(entry -> {
                    String[] key = entry.getKey().split("\\|", 2);
                    Samples samples = entry.getValue();
                    return new Group(
                            key[0],
                            key[1],
                            samples.alarms,
                            samples.link(0),
                            samples.link(1),
                            samples.link(2),
                            samples.link(3));
                })
                .toList();
    }

    private static double value(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** The seconds of each link of one group's alarms (NaN: that link has not happened). */
    static final class Samples {

        long alarms;
        final double[][] values = new double[4][64];
        final int[] sizes = new int[4];

        void add(double[] links) {
            alarms++;
            for (int i = 0; i < links.length; i++) {
                if (!Double.isNaN(links[i])) {
                    if (sizes[i] == values[i].length) {
                        values[i] = java.util.Arrays.copyOf(values[i], sizes[i] * 2);
                    }
                    values[i][sizes[i]++] = links[i];
                }
            }
        }

        Link link(int i) {
            int n = sizes[i];
            if (n == 0) {
                return new Link(0, null, null, null, null);
            }
            double[] sorted = java.util.Arrays.copyOf(values[i], n);
            java.util.Arrays.sort(sorted);
            return new Link(
                    n,
                    round(percentile(sorted, 0.5)),
                    round(percentile(sorted, 0.9)),
                    round(percentile(sorted, 0.99)),
                    round(sorted[n - 1]));
        }

        /** As PostgreSQL's percentile_cont: between the two nearest values, linearly. */
        static double percentile(double[] sorted, double fraction) {
            double position = fraction * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
        }
    }

    private static Double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static @Nullable Double seconds(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }

    /**
     * Devices of the period whose median received − occurred is beyond {@code maxDrift} (late or clock behind) or
     * below minus {@code maxAhead} (clock ahead), or one of whose alarms took longer than {@code maxPressToOperator}
     * from press to first shown. Every category counts for the clock; press to shown only where an alarm was shown.
     */
    List<AbnormalDevice> abnormal(
            AccessScope scope,
            Instant from,
            Instant to,
            @Nullable String vendor,
            ChainProperties properties,
            int limit) {
        return jdbc.sql("with c as (" + CHAIN + NeedToKnow.within("a.kommunenummer") + " and a.device_id is not null)"
                        + " select d.id, d.vendor, d.model, d.serial_number, d.type, d.kommunenummer,"
                        + " string_agg(distinct c.protocol, ',') as protocols, count(*) as alarms,"
                        + " percentile_cont(0.5) within group (order by c.occurred_received) as drift,"
                        + " min(c.occurred_received) as drift_min, max(c.occurred_received) as drift_max,"
                        + " max(c.press_shown) as press_shown_max"
                        + " from c join device d on d.id = c.device_id"
                        + " group by d.id, d.vendor, d.model, d.serial_number, d.type, d.kommunenummer"
                        + " having percentile_cont(0.5) within group (order by c.occurred_received) > :maxDrift"
                        + " or percentile_cont(0.5) within group (order by c.occurred_received) < -:maxAhead"
                        + " or max(c.press_shown) > :maxPress"
                        + " order by greatest(abs(percentile_cont(0.5) within group (order by c.occurred_received)),"
                        + " coalesce(max(c.press_shown), 0)) desc, d.id limit :limit")
                .params(NeedToKnow.params(scope))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("vendor", vendor, java.sql.Types.VARCHAR)
                .param("maxDrift", (double) properties.maxDrift().toMillis() / 1000)
                .param("maxAhead", (double) properties.maxAhead().toMillis() / 1000)
                .param("maxPress", (double) properties.maxPressToOperator().toMillis() / 1000)
                .param("limit", limit)
                .query((rs, row) -> new AbnormalDevice(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("vendor"),
                        rs.getString("model"),
                        rs.getString("serial_number"),
                        rs.getString("type"),
                        rs.getString("kommunenummer"),
                        rs.getString("protocols"),
                        rs.getLong("alarms"),
                        seconds(rs, 9),
                        seconds(rs, 10),
                        seconds(rs, 11),
                        seconds(rs, 12)))
                .list();
    }

    /** One alarm's chain, within the scope. */
    Optional<AlarmChain> chain(AccessScope scope, boolean unassigned, AlarmId id) {
        return jdbc.sql("select a.id, a.source, a.category, a.occurred_at, a.received_at, a.first_shown_at,"
                        + " a.first_shown_by, a.claimed_at, a.claimed_by from alarm a where a.id = :id and"
                        + NeedToKnow.withinOrUnassigned("a.kommunenummer"))
                .params(NeedToKnow.params(scope, unassigned))
                .param("id", id.value())
                .query((rs, row) -> new AlarmChain(
                        id.toString(),
                        rs.getString("source"),
                        rs.getString("category"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant(),
                        instant(rs.getTimestamp("first_shown_at")),
                        rs.getString("first_shown_by"),
                        instant(rs.getTimestamp("claimed_at")),
                        rs.getString("claimed_by")))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
