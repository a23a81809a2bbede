package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.registry.NeedToKnow;
import no.varde.registry.ResidentNames;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents as users see them, need-to-know: a user sees an incident only when it has devices in their
 * municipalities, and only that part of it (counts, devices, residents). Residents' names are audited as shown.
 */
@Service
public class FleetIncidents {

    /** Devices listed on one incident at most (the counts always cover all of them). */
    public static final int DEVICES_SHOWN = 1000;

    /** An incident, counted within the user's municipalities. */
    public record Incident(
            long id,
            IncidentDimension dimension,
            String key,
            Instant startedAt,
            Instant detectedAt,
            @Nullable Instant endedAt,
            int devices,
            int stillAffected,
            int unprotectedResidents,
            List<Kommunenummer> municipalities,
            @Nullable AlarmId operatorAlarmId,
            @Nullable AlarmId technicalAlarmId) {}

    /** A device of the incident. */
    public record Member(
            DeviceId deviceId,
            Kommunenummer kommunenummer,
            DeviceType type,
            String vendor,
            String reason,
            Instant since,
            @Nullable Instant restoredAt) {}

    /** A resident the incident left without a working personal-alarm device. */
    public record UnprotectedResident(
            ResidentId residentId, Kommunenummer kommunenummer, String name, Instant listedAt) {}

    /** When a municipality's administrators were told (in the app; {@code smsQueued} messages through the outbox). */
    public record Notice(Kommunenummer kommunenummer, Instant notifiedAt, int devices, int smsQueued) {}

    public record Details(
            Incident incident, List<Member> devices, List<UnprotectedResident> residents, List<Notice> notices) {}

    private static final String IN_SCOPE =
            """
            select i.*,
              (select count(*) from fleet_incident_device m where m.incident_id = i.id and %1$s) as devices,
              (select count(*) from fleet_incident_device m where m.incident_id = i.id and m.restored_at is null
                 and %1$s) as still_affected,
              (select count(*) from fleet_incident_resident r where r.incident_id = i.id and %2$s) as residents,
              (select string_agg(distinct m.kommunenummer, ',') from fleet_incident_device m
                 where m.incident_id = i.id and %1$s) as municipalities
            from fleet_incident i
            where exists (select 1 from fleet_incident_device m where m.incident_id = i.id and %1$s)
            """.formatted(NeedToKnow.within("m.kommunenummer"), NeedToKnow.within("r.kommunenummer"));

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final ResidentNames names;

    FleetIncidents(JdbcClient jdbc, AccessScopes scopes, ResidentNames names) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.names = names;
    }

    /** Incidents with devices in the user's municipalities, open ones first, then the latest ended. */
    public List<Incident> list(VardeUser user, boolean openOnly, int limit) {
        AccessScope scope = scopes.forUser(user);
        return jdbc.sql(IN_SCOPE + (openOnly ? " and i.ended_at is null" : "")
                        + " order by (i.ended_at is null) desc, i.detected_at desc, i.id desc limit :limit")
                .params(NeedToKnow.params(scope))
                .param("limit", limit)
                .query((rs, row) -> incident(rs))
                .list();
    }

    /** One incident, its devices, its unprotected residents (names audited) and notices, within the user's part. */
    @Transactional
    public Details get(VardeUser user, long id) {
        AccessScope scope = scopes.forUser(user);
        Incident incident = jdbc.sql(IN_SCOPE + " and i.id = :id")
                .params(NeedToKnow.params(scope))
                .param("id", id)
                .query((rs, row) -> incident(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("incident", id));
        List<Member> devices = jdbc.sql("select m.*, d.type, d.vendor from fleet_incident_device m"
                        + " join device d on d.id = m.device_id where m.incident_id = :id and"
                        + NeedToKnow.within("m.kommunenummer")
                        + " order by (m.restored_at is null) desc, m.kommunenummer, m.since, m.device_id limit :limit")
                .params(NeedToKnow.params(scope))
                .param("id", id)
                .param("limit", DEVICES_SHOWN)
                .query((rs, row) -> new Member(
                        new DeviceId(rs.getObject("device_id", UUID.class)),
                        new Kommunenummer(rs.getString("kommunenummer")),
                        DeviceType.valueOf(rs.getString("type")),
                        rs.getString("vendor"),
                        rs.getString("reason"),
                        rs.getTimestamp("since").toInstant(),
                        instant(rs.getTimestamp("restored_at"))))
                .list();
        record Listed(ResidentId id, Kommunenummer kommunenummer, Instant at) {}
        List<Listed> listed = jdbc.sql("select * from fleet_incident_resident r where r.incident_id = :id and"
                        + NeedToKnow.within("r.kommunenummer")
                        + " order by r.kommunenummer, r.listed_at, r.resident_id")
                .params(NeedToKnow.params(scope))
                .param("id", id)
                .query((rs, row) -> new Listed(
                        new ResidentId(rs.getObject("resident_id", UUID.class)),
                        new Kommunenummer(rs.getString("kommunenummer")),
                        rs.getTimestamp("listed_at").toInstant()))
                .list();
        Map<ResidentId, String> shown = names.namesOf(
                scope, listed.stream().map(Listed::id).toList(), "fleet incident " + id + ": unprotected resident");
        List<UnprotectedResident> residents = listed.stream()
                .filter(r -> shown.containsKey(r.id()))
                .map(r -> new UnprotectedResident(r.id(), r.kommunenummer(), shown.get(r.id()), r.at()))
                .toList();
        List<Notice> notices = jdbc.sql("select * from fleet_incident_notice n where n.incident_id = :id and"
                        + NeedToKnow.within("n.kommunenummer") + " order by n.kommunenummer")
                .params(NeedToKnow.params(scope))
                .param("id", id)
                .query((rs, row) -> new Notice(
                        new Kommunenummer(rs.getString("kommunenummer")),
                        rs.getTimestamp("notified_at").toInstant(),
                        rs.getInt("devices"),
                        rs.getInt("sms_queued")))
                .list();
        return new Details(incident, devices, residents, notices);
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        String municipalities = rs.getString("municipalities");
        UUID operator = rs.getObject("operator_alarm_id", UUID.class);
        UUID technical = rs.getObject("technical_alarm_id", UUID.class);
        return new Incident(
                rs.getLong("id"),
                IncidentDimension.valueOf(rs.getString("dimension")),
                rs.getString("dimension_key"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("detected_at").toInstant(),
                instant(rs.getTimestamp("ended_at")),
                rs.getInt("devices"),
                rs.getInt("still_affected"),
                rs.getInt("residents"),
                municipalities == null
                        ? List.of()
                        : java.util.Arrays.stream(municipalities.split(","))
                                .map(Kommunenummer::new)
                                .toList(),
                operator == null ? null : new AlarmId(operator),
                technical == null ? null : new AlarmId(technical));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
