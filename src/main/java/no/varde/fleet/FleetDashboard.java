package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import no.varde.alarm.AlarmFacts;
import no.varde.alarm.AlarmId;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The fleet dashboard (issue 10, item 7): per municipality and for the region, devices by status, supervised and
 * silent devices, low batteries, open and overdue technician tasks, and the technical alarms of a period with the
 * share closed without a person. The counts name nobody; the lists of silent and low-battery devices name devices
 * (type, vendor, serial; never a resident) and are shown only to users whose need-to-know covers the municipality.
 * A regional analyst sees the counts of the whole region and no lists.
 */
@Service
public class FleetDashboard {

    /** A battery at or below this level is low (the console marks it red at the same level). */
    public static final int LOW_BATTERY_PERCENT = 20;

    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final AlarmFacts facts;
    private final FleetProperties properties;
    private final SupervisionJob supervision;

    FleetDashboard(
            JdbcClient jdbc,
            AccessScopes scopes,
            Municipalities municipalities,
            AlarmFacts facts,
            FleetProperties properties,
            SupervisionJob supervision) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.municipalities = municipalities;
        this.facts = facts;
        this.properties = properties;
        this.supervision = supervision;
    }

    /**
     * The dashboard as {@code user} may see it at {@code now}, the technical alarms counted over {@code period}
     * before it; {@code only} narrows it to one municipality of the user's scope.
     */
    public Overview overview(VardeUser user, @Nullable Kommunenummer only, Instant now, Duration period) {
        boolean analyst = user.role() == Role.REGION_ANALYST;
        AccessScope scope = analyst ? AccessScope.all() : scopes.forUser(user);
        if (only != null) {
            if (!scope.everything() && !scope.kommuner().contains(only)) {
                throw new NotInScope(only);
            }
            scope = AccessScope.of(Set.of(only));
        }
        Map<String, Counts> counts = new TreeMap<>();
        for (Municipality m : municipalities.visibleIn(scope)) {
            counts.put(m.kommunenummer().value(), new Counts(m.kommunenummer().value(), m.name()));
        }
        deviceCounts(scope, now, counts);
        taskCounts(scope, now, counts);
        incidentCounts(scope, counts);
        for (AlarmFacts.TechnicalCounts t : facts.technicalByMunicipality(now.minus(period), now)) {
            Counts c = counts.get(t.kommunenummer());
            if (c != null) {
                c.technical = t.alarms();
                c.closedWithoutHuman = t.closedWithoutHuman();
                c.closedByPeople = t.closedByPeople();
                c.technicalOpen = t.stillOpen();
            }
        }
        List<Figures> rows = counts.values().stream().map(Counts::figures).toList();
        Figures total = rows.stream().reduce(Figures.empty("region", "Regionen"), Figures::plus);
        boolean lists = !analyst;
        return new Overview(
                now,
                period,
                rows,
                total,
                lists ? silent(scope, now) : List.of(),
                lists ? lowBattery(scope) : List.of(),
                lists,
                supervision.status(now).running());
    }

    /** A municipality outside the user's need-to-know was asked for. */
    public static final class NotInScope extends RuntimeException {
        NotInScope(Kommunenummer kommunenummer) {
            super("Municipality " + kommunenummer.value() + " is not in your scope");
        }
    }

    private void deviceCounts(AccessScope scope, Instant now, Map<String, Counts> counts) {
        Map<String, Object> params = new HashMap<>(NeedToKnow.params(scope));
        params.put("low", LOW_BATTERY_PERCENT);
        jdbc.sql("""
                        select d.kommunenummer,
                               count(*) filter (where d.status = 'IN_STOCK') as in_stock,
                               count(*) filter (where d.status = 'ACTIVE') as active,
                               count(*) filter (where d.status = 'SERVICE') as service,
                               count(*) filter (where d.status = 'RETIRED') as retired,
                               count(*) filter (where d.status = 'ACTIVE' and d.battery_percent <= :low) as low_battery
                        from device d where""" + NeedToKnow.within("d.kommunenummer") + " group by d.kommunenummer")
                .params(params)
                .query((rs, row) -> {
                    Counts c = counts.get(rs.getString("kommunenummer"));
                    if (c != null) {
                        c.inStock = rs.getLong("in_stock");
                        c.active = rs.getLong("active");
                        c.service = rs.getLong("service");
                        c.retired = rs.getLong("retired");
                        c.lowBattery = rs.getLong("low_battery");
                    }
                    return row;
                })
                .list();
        Map<String, Object> supervised = new HashMap<>(NeedToKnow.params(scope));
        supervised.putAll(DeviceSupervisions.classes(properties));
        supervised.put("now", Timestamp.from(now));
        jdbc.sql("select d.kommunenummer, count(*) as supervised, count(*) filter (where " + SILENT + ") as silent"
                        + DeviceSupervisions.SUPERVISED_FROM + " and" + NeedToKnow.within("d.kommunenummer")
                        + " group by d.kommunenummer")
                .params(supervised)
                .query((rs, row) -> {
                    Counts c = counts.get(rs.getString("kommunenummer"));
                    if (c != null) {
                        c.supervised = rs.getLong("supervised");
                        c.silent = rs.getLong("silent");
                    }
                    return row;
                })
                .list();
    }

    /** Silent: past its interval and grace, or still marked lost contact (raised and not heard since). */
    private static final String SILENT =
            "f.lost_contact_alarm_id is not null or greatest(d.last_heard_at, d.last_alarm_at)"
                    + " < cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s)";

    private void taskCounts(AccessScope scope, Instant now, Map<String, Counts> counts) {
        jdbc.sql("select t.kommunenummer, count(*) as open, count(*) filter (where t.due_at < :now) as overdue"
                        + " from fleet_task t where t.state not in ('DONE', 'CANCELLED') and"
                        + NeedToKnow.within("t.kommunenummer") + " group by t.kommunenummer")
                .params(NeedToKnow.params(scope))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    Counts c = counts.get(rs.getString("kommunenummer"));
                    if (c != null) {
                        c.openTasks = rs.getLong("open");
                        c.overdueTasks = rs.getLong("overdue");
                    }
                    return row;
                })
                .list();
    }

    /** Open incidents (storms) with devices still affected in each municipality, and how many of its devices. */
    private void incidentCounts(AccessScope scope, Map<String, Counts> counts) {
        jdbc.sql("select m.kommunenummer, count(distinct m.incident_id) as incidents, count(*) as devices"
                        + " from fleet_incident_device m join fleet_incident i on i.id = m.incident_id"
                        + " where i.ended_at is null and m.restored_at is null and"
                        + NeedToKnow.within("m.kommunenummer") + " group by m.kommunenummer")
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> {
                    Counts c = counts.get(rs.getString("kommunenummer"));
                    if (c != null) {
                        c.openIncidents = rs.getLong("incidents");
                        c.incidentDevices = rs.getLong("devices");
                    }
                    return row;
                })
                .list();
    }

    private List<SilentDevice> silent(AccessScope scope, Instant now) {
        Map<String, Object> params = new HashMap<>(NeedToKnow.params(scope));
        params.putAll(DeviceSupervisions.classes(properties));
        params.put("now", Timestamp.from(now));
        params.put("limit", LIST_LIMIT);
        return jdbc.sql(
                        "select d.id, d.kommunenummer, d.type, d.vendor, d.model, d.serial_number, c.name as class_name,"
                                + " greatest(d.last_heard_at, d.last_alarm_at) as heard, f.lost_contact_alarm_id,"
                                + " (select m.name from municipality m where m.kommunenummer = d.kommunenummer)"
                                + " as kommune_name"
                                + DeviceSupervisions.SUPERVISED_FROM + " and (" + SILENT + ") and"
                                + NeedToKnow.within("d.kommunenummer") + " order by heard limit :limit")
                .params(params)
                .query((rs, row) -> new SilentDevice(
                        new DeviceId(rs.getObject("id", UUID.class)),
                        rs.getString("kommunenummer"),
                        rs.getString("kommune_name"),
                        rs.getString("type"),
                        rs.getString("vendor"),
                        rs.getString("model"),
                        rs.getString("serial_number"),
                        SupervisionClass.valueOf(rs.getString("class_name")),
                        rs.getTimestamp("heard").toInstant(),
                        alarm(rs, "lost_contact_alarm_id")))
                .list();
    }

    private List<BatteryDevice> lowBattery(AccessScope scope) {
        return jdbc.sql("select d.id, d.kommunenummer, d.type, d.vendor, d.model, d.serial_number, d.battery_percent,"
                        + " d.battery_at, m.name as kommune_name from device d"
                        + " join municipality m on m.kommunenummer = d.kommunenummer where d.status = 'ACTIVE' and d.battery_percent <= :low and"
                        + NeedToKnow.within("d.kommunenummer")
                        + " order by d.battery_percent, d.battery_at limit :limit")
                .params(NeedToKnow.params(scope))
                .param("low", LOW_BATTERY_PERCENT)
                .param("limit", LIST_LIMIT)
                .query((rs, row) -> new BatteryDevice(
                        new DeviceId(rs.getObject("id", UUID.class)),
                        rs.getString("kommunenummer"),
                        rs.getString("kommune_name"),
                        rs.getString("type"),
                        rs.getString("vendor"),
                        rs.getString("model"),
                        rs.getString("serial_number"),
                        rs.getInt("battery_percent"),
                        rs.getTimestamp("battery_at").toInstant()))
                .list();
    }

    private static @Nullable AlarmId alarm(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new AlarmId(id);
    }

    /**
     * The dashboard.
     *
     * @param municipalities one row per municipality in view, by kommunenummer
     * @param total the sum of the rows (the region, or the user's municipalities)
     * @param silentDevices devices silent past their interval and grace (empty for an analyst), longest silent first
     * @param lowBattery devices in service reporting {@value #LOW_BATTERY_PERCENT} % or less (empty for an analyst)
     * @param lists whether the device lists are shown to this user at all
     * @param supervisionRunning whether some node completed a supervision pass recently
     */
    public record Overview(
            Instant at,
            Duration period,
            List<Figures> municipalities,
            Figures total,
            List<SilentDevice> silentDevices,
            List<BatteryDevice> lowBattery,
            boolean lists,
            boolean supervisionRunning) {}

    /**
     * The counts of one municipality (or their sum).
     *
     * @param supervised active devices heard at least once with a reporting class
     * @param silent supervised devices silent past their interval and grace (raised or about to be)
     * @param openIncidents open incidents (storms, correlated outages) with devices of the municipality still affected
     * @param incidentDevices the municipality's devices still affected by them (their lost contact is not raised
     *     one by one)
     * @param technical technical alarms received in the period
     * @param closedWithoutHuman of those, closed by rules without a person ever claiming them
     * @param closedByPeople of those, closed by a person
     * @param technicalOpen of those, still open
     */
    public record Figures(
            String kommunenummer,
            String name,
            long inStock,
            long active,
            long service,
            long retired,
            long supervised,
            long silent,
            long lowBattery,
            long openTasks,
            long overdueTasks,
            long openIncidents,
            long incidentDevices,
            long technical,
            long closedWithoutHuman,
            long closedByPeople,
            long technicalOpen) {

        static Figures empty(String kommunenummer, String name) {
            return new Figures(kommunenummer, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        Figures plus(Figures o) {
            return new Figures(
                    kommunenummer,
                    name,
                    inStock + o.inStock,
                    active + o.active,
                    service + o.service,
                    retired + o.retired,
                    supervised + o.supervised,
                    silent + o.silent,
                    lowBattery + o.lowBattery,
                    openTasks + o.openTasks,
                    overdueTasks + o.overdueTasks,
                    openIncidents + o.openIncidents,
                    incidentDevices + o.incidentDevices,
                    technical + o.technical,
                    closedWithoutHuman + o.closedWithoutHuman,
                    closedByPeople + o.closedByPeople,
                    technicalOpen + o.technicalOpen);
        }

        /** Share of the closed technical alarms that no person handled, 0–1; null when none were closed. */
        public @Nullable Double shareClosedWithoutHuman() {
            long closed = closedWithoutHuman + closedByPeople;
            return closed == 0 ? null : (double) closedWithoutHuman / closed;
        }
    }

    /** A device silent past its interval and grace; {@code lostContactAlarm} once the alarm has been raised. */
    public record SilentDevice(
            DeviceId id,
            String kommunenummer,
            String municipality,
            String type,
            String vendor,
            String model,
            @Nullable String serialNumber,
            SupervisionClass supervisionClass,
            Instant lastHeard,
            @Nullable AlarmId lostContactAlarm) {}

    /** A device in service whose last reported battery level is low. */
    public record BatteryDevice(
            DeviceId id,
            String kommunenummer,
            String municipality,
            String type,
            String vendor,
            String model,
            @Nullable String serialNumber,
            int batteryPercent,
            Instant reportedAt) {}

    /** Mutable per-municipality sums while the queries run. */
    private static final class Counts {
        final String kommunenummer;
        final String name;
        long inStock, active, service, retired, supervised, silent, lowBattery, openTasks, overdueTasks;
        long openIncidents, incidentDevices;
        long technical, closedWithoutHuman, closedByPeople, technicalOpen;

        Counts(String kommunenummer, String name) {
            this.kommunenummer = kommunenummer;
            this.name = name;
        }

        Figures figures() {
            return new Figures(
                    kommunenummer,
                    name,
                    inStock,
                    active,
                    service,
                    retired,
                    supervised,
                    silent,
                    lowBattery,
                    openTasks,
                    overdueTasks,
                    openIncidents,
                    incidentDevices,
                    technical,
                    closedWithoutHuman,
                    closedByPeople,
                    technicalOpen);
        }
    }
}
