package no.varde.console.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmFlag;
import no.varde.alarm.AlarmId;
import no.varde.alarm.AlarmState;
import no.varde.alarm.AlarmTypeMapping;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.alarm.Alarms;
import no.varde.alarm.FirstShown;
import no.varde.registry.AccessScopes;
import no.varde.registry.Municipalities;
import no.varde.registry.ResidentNames;
import no.varde.shared.ResidentId;
import no.varde.shared.security.StaffDirectory;
import no.varde.shared.security.VardeUser;
import org.springframework.stereotype.Component;

/**
 * Builds the queue rows: open alarms of one category in the alarm module's queue order (waiting first, then
 * priority, then the longest past the original claim deadline; handled alarms below), with names via the registry.
 */
@Component
class ConsoleQueue {

    static final int LIMIT = 200;
    static final Set<AlarmState> OPEN = EnumSet.complementOf(EnumSet.of(AlarmState.CLOSED));

    private final Alarms alarms;
    private final AlarmTypeMappings mappings;
    private final ResidentNames residentNames;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final StaffDirectory staff;
    private final FirstShown firstShown;

    ConsoleQueue(
            Alarms alarms,
            AlarmTypeMappings mappings,
            ResidentNames residentNames,
            AccessScopes scopes,
            Municipalities municipalities,
            StaffDirectory staff,
            FirstShown firstShown) {
        this.firstShown = firstShown;
        this.alarms = alarms;
        this.mappings = mappings;
        this.residentNames = residentNames;
        this.scopes = scopes;
        this.municipalities = municipalities;
        this.staff = staff;
    }

    List<QueueRow> rows(VardeUser user, AlarmCategory category, Locale locale) {
        List<Alarm> open = alarms.list(user, OPEN, category, LIMIT);
        List<ResidentId> residents = open.stream()
                .map(Alarm::residentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<ResidentId, String> names = residents.isEmpty()
                ? Map.of()
                : residentNames.namesOf(scopes.forUser(user), residents, "console queue " + category);
        Map<String, String> places = municipalities.namesByNumber();
        Map<String, AlarmTypeMapping> types = new HashMap<>();
        mappings.all().forEach(m -> types.put(m.source() + "|" + m.code(), m));
        boolean english = "en".equals(locale.getLanguage());
        Extras extras = extras(user, open, category);
        firstShown.shown(user, open);
        return open.stream()
                .map(alarm -> row(alarm, names, places, types, english, extras))
                .toList();
    }

    /**
     * One row, for a live change: present while the alarm is open, of this tab's category and visible to the
     * user. Its resident's name is read (and audited) in the user's own request.
     */
    Optional<QueueRow> row(VardeUser user, AlarmId id, AlarmCategory category, Locale locale) {
        Optional<Alarm> alarm =
                alarms.findVisible(user, id).filter(Alarm::isOpen).filter(a -> a.category() == category);
        if (alarm.isEmpty()) {
            return Optional.empty();
        }
        ResidentId resident = alarm.get().residentId();
        Map<ResidentId, String> names = resident == null
                ? Map.of()
                : residentNames.namesOf(scopes.forUser(user), List.of(resident), "console live row " + category);
        firstShown.shown(user, List.of(alarm.get()));
        Map<String, AlarmTypeMapping> types = new HashMap<>();
        mappings.all().forEach(m -> types.put(m.source() + "|" + m.code(), m));
        return Optional.of(row(
                alarm.get(),
                names,
                municipalities.namesByNumber(),
                types,
                "en".equals(locale.getLanguage()),
                extras(user, List.of(alarm.get()), category)));
    }

    long count(VardeUser user, AlarmCategory category) {
        return alarms.count(user, OPEN, category);
    }

    /** The handlers' names, and for technical rows the battery level the device reported (issue 11). */
    private Extras extras(VardeUser user, List<Alarm> rows, AlarmCategory category) {
        Map<String, String> handlers = staff.displayNames(rows.stream()
                .map(Alarm::claimedBy)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        Map<AlarmId, Integer> battery = category == AlarmCategory.TECHNICAL
                ? alarms.reportedBattery(user, rows.stream().map(Alarm::id).toList())
                : Map.of();
        return new Extras(handlers, battery);
    }

    private record Extras(Map<String, String> handlers, Map<AlarmId, Integer> battery) {}

    private static QueueRow row(
            Alarm alarm,
            Map<ResidentId, String> names,
            Map<String, String> places,
            Map<String, AlarmTypeMapping> types,
            boolean english,
            Extras extras) {
        AlarmTypeMapping type = types.get(alarm.source() + "|" + alarm.sourceCode());
        String title = english && type != null ? type.titleEn() : alarm.title();
        Set<AlarmFlag> flags = alarm.flags();
        return new QueueRow(
                alarm.id().toString(),
                alarm.priority().value(),
                title,
                alarm.vkpAlertCode(),
                alarm.kommunenummer() == null
                        ? ""
                        : places.getOrDefault(
                                alarm.kommunenummer().value(),
                                alarm.kommunenummer().value()),
                alarm.residentId() == null ? null : names.get(alarm.residentId()),
                flags.contains(AlarmFlag.UNKNOWN_DEVICE),
                flags.contains(AlarmFlag.NO_RESIDENT),
                flags.contains(AlarmFlag.UNKNOWN_EVENT_CODE),
                flags.contains(AlarmFlag.REPEAT),
                flags.contains(AlarmFlag.ESCALATED),
                flags.contains(AlarmFlag.DISPATCH_OVERDUE),
                alarm.escalationLevel(),
                alarm.state().name(),
                alarm.receivedAt().toEpochMilli(),
                alarm.claimDeadline().toEpochMilli(),
                alarm.claimedBy(),
                alarm.deviceLabel(),
                AlarmMarker.of(alarm.vkpAlertCode(), flags),
                alarm.claimedBy() == null ? null : extras.handlers().get(alarm.claimedBy()),
                extras.battery().get(alarm.id()));
    }
}
