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
            where a.source <> 'FLEET' and a.received_at >= :from and a.received_at < :to and
            """;

    private static final String LINKS = """
            count(occurred_received), percentile_cont(0.5) within group (order by occurred_received),
              percentile_cont(0.9) within group (order by occurred_received),
              percentile_cont(0.99) within group (order by occurred_received), max(occurred_received),
            count(received_shown), percentile_cont(0.5) within group (order by received_shown),
              percentile_cont(0.9) within group (order by received_shown),
              percentile_cont(0.99) within group (order by received_shown), max(received_shown),
            count(shown_claimed), percentile_cont(0.5) within group (order by shown_claimed),
              percentile_cont(0.9) within group (order by shown_claimed),
              percentile_cont(0.99) within group (order by shown_claimed), max(shown_claimed),
            count(press_claimed), percentile_cont(0.5) within group (order by press_claimed),
              percentile_cont(0.9) within group (order by press_claimed),
              percentile_cont(0.99) within group (order by press_claimed), max(press_claimed)
            """;

    private final JdbcClient jdbc;

    ChainStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Human alarms (category ALARM) of the period by vendor, protocol and municipality, and all of them. */
    List<Group> groups(AccessScope scope, Instant from, Instant to) {
        return jdbc.sql("with c as (" + CHAIN + NeedToKnow.within("a.kommunenummer")
                        + " and a.category = 'ALARM')"
                        + " select case when grouping(vendor) = 0 then 'VENDOR' when grouping(protocol) = 0"
                        + " then 'PROTOCOL' when grouping(kommune) = 0 then 'MUNICIPALITY' else 'ALL' end as dimension,"
                        + " coalesce(case when grouping(vendor) = 0 then vendor end,"
                        + " case when grouping(protocol) = 0 then protocol end,"
                        + " case when grouping(kommune) = 0 then kommune end, '') as key, count(*) as alarms, "
                        + LINKS + " from c group by grouping sets ((vendor), (protocol), (kommune), ())"
                        + " order by 1, 2")
                .params(NeedToKnow.params(scope))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Group(
                        rs.getString("dimension"),
                        rs.getString("key"),
                        rs.getLong("alarms"),
                        link(rs, 4),
                        link(rs, 9),
                        link(rs, 14),
                        link(rs, 19)))
                .list();
    }

    private static Link link(ResultSet rs, int first) throws SQLException {
        return new Link(
                rs.getLong(first),
                seconds(rs, first + 1),
                seconds(rs, first + 2),
                seconds(rs, first + 3),
                seconds(rs, first + 4));
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
    List<AbnormalDevice> abnormal(AccessScope scope, Instant from, Instant to, ChainProperties properties, int limit) {
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
