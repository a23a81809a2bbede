package no.varde.alarm;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceId;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where alarms and their timelines are kept. Domain verbs only: add a received alarm, lock one for a change, save
 * a transition, take overdue ones; the SQL and the connection stay inside.
 */
@Repository
class AlarmRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCOPE = NeedToKnow.withinOrUnassigned("a.kommunenummer");

    /**
     * The queue's order (DESIGN.md "human alarms first"): unclaimed alarms first, then the priority (the alarm
     * type's, raised for a repeat; escalation never changes it), then the longest past the original claim
     * deadline; claimed and dispatched alarms below in the same order, closed ones last.
     */
    static final String QUEUE_ORDER = " case a.state when 'RECEIVED' then 0 when 'CLOSED' then 2 else 1 end,"
            + " a.priority, a.original_claim_deadline, a.received_at, a.id";

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a newly received alarm with its first timeline entries. */
    void add(Transition received) {
        Alarm a = received.alarm();
        jdbc.sql("""
                insert into alarm (id, category, source, source_code, vkp_alert_code, title, priority, state,
                    kommunenummer, resident_id, device_id, device_label, flags, repeat_of, occurred_at, received_at,
                    claim_deadline, original_claim_deadline, outcome, closed_at, details)
                values (:id, :category, :source, :code, :vkp, :title, :priority, :state, :kommune, :resident, :device,
                    :deviceLabel, :flags, :repeatOf, :occurredAt, :receivedAt, :deadline, :deadline, :outcome, :closedAt,
                    cast(:details as jsonb))
                """)
                .param("id", a.id().value())
                .param("category", a.category().name())
                .param("source", a.source())
                .param("code", a.sourceCode())
                .param("vkp", a.vkpAlertCode())
                .param("title", a.title())
                .param("priority", a.priority().value())
                .param("state", a.state().name())
                .param(
                        "kommune",
                        a.kommunenummer() == null ? null : a.kommunenummer().value())
                .param(
                        "resident",
                        a.residentId() == null ? null : a.residentId().value())
                .param("device", a.deviceId() == null ? null : a.deviceId().value())
                .param("deviceLabel", a.deviceLabel())
                .param("flags", a.flags().stream().map(Enum::name).toArray(String[]::new))
                .param("repeatOf", a.repeatOf() == null ? null : a.repeatOf().value())
                .param("occurredAt", Timestamp.from(a.occurredAt()))
                .param("receivedAt", Timestamp.from(a.receivedAt()))
                .param("deadline", Timestamp.from(a.claimDeadline()))
                .param("outcome", a.outcome() == null ? null : a.outcome().name())
                .param("closedAt", a.closedAt() == null ? null : Timestamp.from(a.closedAt()))
                .param("details", json(received.entries().getFirst().detail().toData()))
                .update();
        append(a.id(), received.entries());
    }

    /** Stores a transition of a locked alarm: its new state (when it changed) and its timeline entries. */
    void save(Alarm before, Transition transition) {
        Alarm a = transition.alarm();
        if (!sameRow(before, a)) {
            jdbc.sql("""
                    update alarm set state = :state, priority = :priority, flags = :flags, claimed_by = :claimedBy,
                        claimed_at = :claimedAt, escalation_level = :level,
                        escalated_at = case when :level <> escalation_level then :now else escalated_at end,
                        dispatch_deadline = :dispatchDeadline, outcome = :outcome,
                        closed_at = :closedAt, version = version + 1
                    where id = :id
                    """)
                    .param("state", a.state().name())
                    .param("priority", a.priority().value())
                    .param("flags", a.flags().stream().map(Enum::name).toArray(String[]::new))
                    .param("claimedBy", a.claimedBy())
                    .param("claimedAt", timestamp(a.claimedAt()))
                    .param("level", a.escalationLevel())
                    .param("now", Timestamp.from(transition.event().at()))
                    .param("dispatchDeadline", timestamp(a.dispatchDeadline()))
                    .param("outcome", a.outcome() == null ? null : a.outcome().name())
                    .param("closedAt", timestamp(a.closedAt()))
                    .param("id", a.id().value())
                    .update();
        }
        append(a.id(), transition.entries());
    }

    private static boolean sameRow(Alarm before, Alarm after) {
        return before.state() == after.state()
                && before.priority().equals(after.priority())
                && before.flags().equals(after.flags())
                && java.util.Objects.equals(before.claimedBy(), after.claimedBy())
                && java.util.Objects.equals(before.claimedAt(), after.claimedAt())
                && before.escalationLevel() == after.escalationLevel()
                && before.claimDeadline().equals(after.claimDeadline())
                && java.util.Objects.equals(before.dispatchDeadline(), after.dispatchDeadline())
                && before.outcome() == after.outcome()
                && java.util.Objects.equals(before.closedAt(), after.closedAt());
    }

    private void append(AlarmId alarm, List<Transition.Entry> entries) {
        for (Transition.Entry entry : entries) {
            jdbc.sql("""
                    insert into alarm_timeline (alarm_id, at, kind, vkp_event, actor, actor_role, text, data)
                    values (:alarm, :at, :kind, :vkp, :actor, :role, :text, cast(:data as jsonb))
                    """)
                    .param("alarm", alarm.value())
                    .param("at", Timestamp.from(entry.at()))
                    .param("kind", entry.kind().name())
                    .param("vkp", entry.kind().vkpEvent())
                    .param("actor", entry.actor())
                    .param("role", entry.actorRole())
                    .param("text", entry.text())
                    .param("data", json(entry.detail().toData()))
                    .update();
        }
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * The alarm's state, with the row locked against changes (not against readers or other share locks) until the
     * caller's transaction ends.
     */
    Optional<AlarmState> lockStateShared(AlarmId id) {
        return jdbc.sql("select a.state from alarm a where a.id = ? for share")
                .param(id.value())
                .query((rs, row) -> AlarmState.valueOf(rs.getString("state")))
                .optional();
    }

    /**
     * Locks the alarm row for a change, with its timeline (the safety rules read it); other nodes wait, so the
     * rules and the update see one truth.
     */
    Optional<Alarm> lock(AlarmId id) {
        return jdbc.sql("select a.* from alarm a where a.id = ? for update")
                .param(id.value())
                .query((rs, row) -> alarm(rs, timeline(id)))
                .optional();
    }

    /**
     * Unclaimed alarms past their original claim deadline and not yet escalated (escalation happens once), locked,
     * earliest deadline first; rows another node holds are skipped (it escalates them).
     */
    List<Alarm> lockOverdueUnclaimed(Instant now, int limit) {
        return jdbc.sql("select a.* from alarm a where a.state = 'RECEIVED' and a.original_claim_deadline <= ?"
                        + " and not ('ESCALATED' = any(a.flags))"
                        + " order by a.original_claim_deadline limit ? for update skip locked")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> alarm(rs, List.of()))
                .list();
    }

    /** Call-outs not accepted by their deadline, locked like {@link #lockOverdueUnclaimed}. */
    List<Alarm> lockOverdueCallouts(Instant now, int limit) {
        return jdbc.sql("select a.* from alarm a where a.state = 'DISPATCHED' and a.dispatch_deadline <= ?"
                        + " order by a.dispatch_deadline limit ? for update skip locked")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> alarm(rs, List.of()))
                .list();
    }

    /** Unclaimed alarms of one type received before a time, locked, for a supervisor's bulk close. */
    List<Alarm> lockUnclaimed(
            AccessScope scope, boolean unassigned, String sourceCode, Instant receivedBefore, int limit) {
        return scoped(
                        jdbc.sql("select a.* from alarm a where a.state = 'RECEIVED' and a.source_code = :code"
                                + " and a.received_at < :before and" + SCOPE
                                + " order by a.received_at limit :limit for update skip locked"),
                        scope,
                        unassigned)
                .param("code", sourceCode)
                .param("before", Timestamp.from(receivedBefore))
                .param("limit", limit)
                .query((rs, row) -> alarm(rs, List.of()))
                .list();
    }

    /** How many alarms {@link #lockUnclaimed} would find (without a limit): what a bulk close would close. */
    long countUnclaimed(AccessScope scope, boolean unassigned, String sourceCode, Instant receivedBefore) {
        return scoped(
                        jdbc.sql("select count(*) from alarm a where a.state = 'RECEIVED' and a.source_code = :code"
                                + " and a.received_at < :before and" + SCOPE),
                        scope,
                        unassigned)
                .param("code", sourceCode)
                .param("before", Timestamp.from(receivedBefore))
                .query(Long.class)
                .single();
    }

    /** The alarm without its timeline: one query, for hot paths such as live streams. */
    Optional<Alarm> findHeader(AlarmId id) {
        return jdbc.sql("select a.* from alarm a where a.id = ?")
                .param(id.value())
                .query((rs, row) -> alarm(rs, List.of()))
                .optional();
    }

    /** The alarm without its timeline, if the scope may see it. */
    Optional<Alarm> findHeader(AccessScope scope, boolean unassigned, AlarmId id) {
        return scoped(jdbc.sql("select a.* from alarm a where a.id = :id and" + SCOPE), scope, unassigned)
                .param("id", id.value())
                .query((rs, row) -> alarm(rs, List.of()))
                .optional();
    }

    Optional<Alarm> find(AccessScope scope, boolean unassigned, AlarmId id) {
        return scoped(jdbc.sql("select a.* from alarm a where a.id = :id and" + SCOPE), scope, unassigned)
                .param("id", id.value())
                .query((rs, row) -> alarm(rs, timeline(id)))
                .optional();
    }

    List<Alarm> list(
            AccessScope scope,
            boolean unassigned,
            Set<AlarmState> states,
            @Nullable AlarmCategory category,
            int limit) {
        return scoped(
                        jdbc.sql("select a.* from alarm a where a.state = any(:states)"
                                + " and (cast(:category as text) is null or a.category = :category) and" + SCOPE
                                + " order by" + QUEUE_ORDER + " limit :limit"),
                        scope,
                        unassigned)
                .param("states", states.stream().map(Enum::name).toArray(String[]::new))
                .param("category", category == null ? null : category.name())
                .param("limit", limit)
                .query((rs, row) -> alarm(rs, List.of()))
                .list();
    }

    long count(AccessScope scope, boolean unassigned, Set<AlarmState> states, @Nullable AlarmCategory category) {
        return scoped(
                        jdbc.sql("select count(*) from alarm a where a.state = any(:states)"
                                + " and (cast(:category as text) is null or a.category = :category) and" + SCOPE),
                        scope,
                        unassigned)
                .param("states", states.stream().map(Enum::name).toArray(String[]::new))
                .param("category", category == null ? null : category.name())
                .query(Long.class)
                .single();
    }

    Optional<AlarmId> recentAlarmOfResident(ResidentId resident, Instant since) {
        return jdbc.sql("select id from alarm where resident_id = ? and category = 'ALARM' and received_at >= ?"
                        + " order by received_at desc limit 1")
                .params(resident.value(), Timestamp.from(since))
                .query(UUID.class)
                .optional()
                .map(AlarmId::new);
    }

    /** The battery level each alarm's device reported when it was received, for those that reported one. */
    Map<AlarmId, Integer> reportedBattery(AccessScope scope, boolean unassigned, Collection<AlarmId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<AlarmId, Integer> levels = new HashMap<>();
        scoped(
                        jdbc.sql("select t.alarm_id, t.data->>'batteryPercent' as battery from alarm_timeline t"
                                + " join alarm a on a.id = t.alarm_id where t.alarm_id in (:ids) and t.kind = 'RECEIVED'"
                                + " and t.data->>'batteryPercent' is not null and" + SCOPE),
                        scope,
                        unassigned)
                .param("ids", ids.stream().map(AlarmId::value).toList())
                .query((rs, row) -> Map.entry(rs.getObject("alarm_id", UUID.class), rs.getString("battery")))
                .list()
                .forEach(entry -> {
                    try {
                        levels.put(new AlarmId(entry.getKey()), (int) Math.round(Double.parseDouble(entry.getValue())));
                    } catch (NumberFormatException notANumber) {
                        // a sender's odd value is shown on the alarm page as sent, not as a level here
                    }
                });
        return levels;
    }

    List<TimelineEntry> timeline(AlarmId id) {
        return jdbc.sql("select * from alarm_timeline where alarm_id = ? order by id")
                .param(id.value())
                .query((rs, row) -> new TimelineEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        TimelineKind.valueOf(rs.getString("kind")),
                        (Integer) rs.getObject("vkp_event"),
                        rs.getString("actor"),
                        rs.getString("actor_role"),
                        rs.getString("text"),
                        TimelineDetail.of(TimelineKind.valueOf(rs.getString("kind")), map(rs.getString("data")))))
                .list();
    }

    private static JdbcClient.StatementSpec scoped(
            JdbcClient.StatementSpec spec, AccessScope scope, boolean unassigned) {
        return spec.params(NeedToKnow.params(scope, unassigned));
    }

    static Alarm alarm(ResultSet rs, List<TimelineEntry> timeline) throws SQLException {
        Set<AlarmFlag> flags = EnumSet.noneOf(AlarmFlag.class);
        Array array = rs.getArray("flags");
        if (array != null) {
            for (Object flag : (Object[]) array.getArray()) {
                flags.add(AlarmFlag.valueOf((String) flag));
            }
        }
        UUID resident = rs.getObject("resident_id", UUID.class);
        UUID device = rs.getObject("device_id", UUID.class);
        UUID repeatOf = rs.getObject("repeat_of", UUID.class);
        String kommune = rs.getString("kommunenummer");
        String outcome = rs.getString("outcome");
        return new Alarm(
                new AlarmId(rs.getObject("id", UUID.class)),
                AlarmCategory.valueOf(rs.getString("category")),
                rs.getString("source"),
                rs.getString("source_code"),
                rs.getString("vkp_alert_code"),
                rs.getString("title"),
                Priority.of(rs.getInt("priority")),
                AlarmState.valueOf(rs.getString("state")),
                kommune == null ? null : new Kommunenummer(kommune),
                resident == null ? null : new ResidentId(resident),
                device == null ? null : new DeviceId(device),
                rs.getString("device_label"),
                flags,
                repeatOf == null ? null : new AlarmId(repeatOf),
                instant(rs, "occurred_at"),
                instant(rs, "received_at"),
                // the original deadline of the alarm's type: the only one the domain knows (escalation keeps it)
                instant(rs, "original_claim_deadline"),
                rs.getString("claimed_by"),
                instant(rs, "claimed_at"),
                rs.getInt("escalation_level"),
                instant(rs, "dispatch_deadline"),
                outcome == null ? null : Outcome.valueOf(outcome),
                instant(rs, "closed_at"),
                rs.getInt("version"),
                timeline);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String json(Map<String, ?> data) {
        return JSON.writeValueAsString(data);
    }

    private static Map<String, Object> map(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    }

    static List<String> names(Set<? extends Enum<?>> values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.name()));
        return names;
    }
}
