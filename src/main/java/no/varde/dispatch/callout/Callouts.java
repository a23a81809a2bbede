package no.varde.dispatch.callout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.CalloutId;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Call-outs, their copied chains and their links. Changes lock the call-out row first, then the alarm. */
@Repository
public class Callouts {

    private final JdbcClient jdbc;

    Callouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the call-out unless this dispatch already has one (a redelivered event); returns whether it did. */
    boolean insert(Callout c, List<ChainContact> chain) {
        int inserted = jdbc.sql("""
                insert into callout (id, alarm_id, dispatched_at, kommunenummer, team_id, team_name, operator, message,
                    position, state, created_at, updated_at)
                values (:id, :alarm, :dispatchedAt, :knr, :team, :teamName, :operator, :message, :position, :state,
                    :now, :now)
                on conflict (alarm_id, dispatched_at) do nothing
                """)
                .param("id", c.id().value())
                .param("alarm", c.alarmId().value())
                .param("dispatchedAt", Timestamp.from(c.dispatchedAt()))
                .param("knr", c.kommunenummer().value())
                .param("team", c.teamId())
                .param("teamName", c.teamName())
                .param("operator", c.operator())
                .param("message", c.message())
                .param("position", c.position())
                .param("state", c.state().name())
                .param("now", Timestamp.from(c.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (ChainContact contact : chain) {
            jdbc.sql(
                            "insert into callout_contact (callout_id, position, name, role_title, phone) values (?, ?, ?, ?, ?)")
                    .params(c.id().value(), contact.position(), contact.name(), contact.roleTitle(), contact.phone())
                    .update();
        }
        return true;
    }

    public Optional<Callout> find(CalloutId id) {
        return jdbc.sql("select * from callout where id = ?")
                .param(id.value())
                .query((rs, row) -> callout(rs))
                .optional();
    }

    Optional<Callout> lock(CalloutId id) {
        return jdbc.sql("select * from callout where id = ? for update")
                .param(id.value())
                .query((rs, row) -> callout(rs))
                .optional();
    }

    /** The alarm's call-out still waiting for someone to accept, locked. */
    Optional<Callout> lockWaitingOf(AlarmId alarm) {
        return jdbc.sql("select * from callout where alarm_id = ? and state in ('NOTIFIED', 'DECLINED', 'ESCALATED')"
                        + " order by dispatched_at desc limit 1 for update")
                .param(alarm.value())
                .query((rs, row) -> callout(rs))
                .optional();
    }

    /** The alarm's call-outs still going (not done, not cancelled), locked. */
    List<Callout> lockActiveOf(AlarmId alarm) {
        return jdbc.sql("select * from callout where alarm_id = ? and state not in ('DONE', 'CANCELLED')"
                        + " order by dispatched_at for update")
                .param(alarm.value())
                .query((rs, row) -> callout(rs))
                .list();
    }

    void cancelled(CalloutId calloutId, Instant now) {
        jdbc.sql("update callout set state = 'CANCELLED', cancelled_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), calloutId.value())
                .update();
    }

    public List<Callout> ofAlarm(AlarmId alarm) {
        return jdbc.sql("select * from callout where alarm_id = ? order by dispatched_at")
                .param(alarm.value())
                .query((rs, row) -> callout(rs))
                .list();
    }

    public List<ChainContact> chain(CalloutId calloutId) {
        return jdbc.sql("select * from callout_contact where callout_id = ? order by position")
                .param(calloutId.value())
                .query((rs, row) -> new ChainContact(
                        rs.getInt("position"), rs.getString("name"), rs.getString("role_title"), rs.getString("phone")))
                .list();
    }

    void notified(CalloutId calloutId, int position, UUID tokenId, int round, CalloutState state, Instant now) {
        jdbc.sql("update callout set position = ?, token_id = ?, round = ?, state = ?, updated_at = ? where id = ?")
                .params(position, tokenId, round, state.name(), Timestamp.from(now), calloutId.value())
                .update();
    }

    void accepted(CalloutId calloutId, int position, String by, Instant now) {
        jdbc.sql("update callout set state = 'ACCEPTED', accepted_position = ?, accepted_by = ?, accepted_at = ?,"
                        + " updated_at = ? where id = ?")
                .params(position, by, Timestamp.from(now), Timestamp.from(now), calloutId.value())
                .update();
    }

    void moved(CalloutId calloutId, CalloutState state, Instant now) {
        String column = switch (state) {
            case ARRIVED -> "arrived_at";
            case DONE -> "done_at";
            case DECLINED -> "updated_at";
            default -> throw new IllegalArgumentException("not a step: " + state);
        };
        jdbc.sql("update callout set state = ?, " + column + " = ?, updated_at = ? where id = ?")
                .params(state.name(), Timestamp.from(now), Timestamp.from(now), calloutId.value())
                .update();
    }

    // ---- links ----------------------------------------------------------------------------------------------

    void insertLink(CalloutLink link) {
        jdbc.sql("""
                insert into callout_link (token_id, callout_id, position, reason, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(
                        link.tokenId(),
                        link.calloutId().value(),
                        link.position(),
                        link.reason().name(),
                        Timestamp.from(link.issuedAt()),
                        Timestamp.from(link.expiresAt()))
                .update();
    }

    public Optional<CalloutLink> link(UUID tokenId) {
        return jdbc.sql("select * from callout_link where token_id = ?")
                .param(tokenId)
                .query((rs, row) -> link(rs))
                .optional();
    }

    public List<CalloutLink> links(CalloutId calloutId) {
        return jdbc.sql("select * from callout_link where callout_id = ? order by issued_at, position")
                .param(calloutId.value())
                .query((rs, row) -> link(rs))
                .list();
    }

    void opened(UUID tokenId, Instant now) {
        jdbc.sql("update callout_link set opened_at = ? where token_id = ? and opened_at is null")
                .params(Timestamp.from(now), tokenId)
                .update();
    }

    void declined(UUID tokenId, @Nullable String reason, Instant now) {
        jdbc.sql("update callout_link set declined_at = ?, decline_reason = ? where token_id = ?")
                .params(Timestamp.from(now), reason, tokenId)
                .update();
    }

    private static CalloutLink link(ResultSet rs) throws SQLException {
        return new CalloutLink(
                rs.getObject("token_id", UUID.class),
                new CalloutId(rs.getObject("callout_id", UUID.class)),
                rs.getInt("position"),
                CalloutLink.LinkReason.valueOf(rs.getString("reason")),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                instant(rs, "opened_at"),
                instant(rs, "declined_at"),
                rs.getString("decline_reason"));
    }

    private static Callout callout(ResultSet rs) throws SQLException {
        return new Callout(
                new CalloutId(rs.getObject("id", UUID.class)),
                new AlarmId(rs.getObject("alarm_id", UUID.class)),
                rs.getTimestamp("dispatched_at").toInstant(),
                new Kommunenummer(rs.getString("kommunenummer")),
                rs.getObject("team_id", UUID.class),
                rs.getString("team_name"),
                rs.getString("operator"),
                rs.getString("message"),
                rs.getInt("position"),
                rs.getObject("token_id", UUID.class),
                rs.getInt("round"),
                CalloutState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("accepted_position"),
                rs.getString("accepted_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs, "accepted_at"),
                instant(rs, "arrived_at"),
                instant(rs, "done_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
