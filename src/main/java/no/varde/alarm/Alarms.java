package no.varde.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.varde.alarm.AlarmEvents.AlarmClaimed;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmEvents.AlarmDispatchAccepted;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.AlarmEvents.AlarmReceived;
import no.varde.alarm.AlarmStore.NewAlarm;
import no.varde.alarm.live.AlarmNotifier;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceRef;
import no.varde.registry.Devices;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm lifecycle. Every change locks the alarm row, checks state and holder, writes the new state and a
 * timeline entry with time and actor, notifies all nodes on commit and publishes a past-tense event.
 */
@Service
public class Alarms {

    private final AlarmStore store;
    private final AlarmTypeMappings mappings;
    private final Devices devices;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final AlarmNotifier notifier;
    private final ApplicationEventPublisher events;
    private final AlarmProperties properties;
    private final Clock clock;

    Alarms(
            AlarmStore store,
            AlarmTypeMappings mappings,
            Devices devices,
            AccessScopes scopes,
            AuditLog audit,
            AlarmNotifier notifier,
            ApplicationEventPublisher events,
            AlarmProperties properties,
            Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.devices = devices;
        this.scopes = scopes;
        this.audit = audit;
        this.notifier = notifier;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Classifies the event and stores it as an alarm, in the caller's transaction (the receiver commits before
     * it acknowledges). Unknown devices, unassigned devices and unknown codes still become alarms, flagged.
     */
    @Transactional
    public AlarmId receive(DeviceEvent event) {
        Instant now = clock.instant();
        AlarmId id = AlarmId.random();
        Set<AlarmFlag> flags = EnumSet.noneOf(AlarmFlag.class);
        Optional<AlarmTypeMapping> mapping = mappings.find(event.source(), event.code());
        if (mapping.isEmpty()) {
            flags.add(AlarmFlag.UNKNOWN_EVENT_CODE);
        }
        AlarmCategory category = mapping.map(AlarmTypeMapping::category).orElse(AlarmCategory.ALARM);
        int priority = mapping.map(AlarmTypeMapping::priority).orElse(2);
        Duration deadline =
                mapping.map(m -> Duration.ofSeconds(m.claimDeadlineSeconds())).orElse(properties.unknownCodeDeadline());
        String title = mapping.map(AlarmTypeMapping::titleNb).orElse("Ukjent hendelse: " + event.code());

        Optional<DeviceRef> device = devices.findByIdentity(event.device());
        if (device.isEmpty()) {
            flags.add(AlarmFlag.UNKNOWN_DEVICE);
        } else if (device.get().residentId() == null) {
            flags.add(AlarmFlag.NO_RESIDENT);
        }
        AlarmId repeatOf = null;
        if (category == AlarmCategory.ALARM
                && device.isPresent()
                && device.get().residentId() != null) {
            repeatOf = store.recentAlarmOfResident(device.get().residentId(), now.minus(properties.repeatWindow()))
                    .orElse(null);
            if (repeatOf != null) {
                flags.add(AlarmFlag.REPEAT);
                priority = Math.max(1, priority - 1);
            }
        }
        boolean info = category == AlarmCategory.INFO;
        Map<String, Object> details = details(event);
        store.insert(new NewAlarm(
                id,
                category,
                event.source(),
                event.code().strip().toUpperCase(java.util.Locale.ROOT),
                mapping.map(AlarmTypeMapping::vkpAlertCode).orElse("3"),
                title,
                priority,
                info ? AlarmState.CLOSED : AlarmState.RECEIVED,
                device.map(DeviceRef::kommunenummer).orElse(null),
                device.map(DeviceRef::residentId).orElse(null),
                device.map(DeviceRef::id).orElse(null),
                device.map(DeviceRef::label).orElse(event.device().label()),
                flags,
                repeatOf,
                event.occurredAt(),
                now,
                now.plus(deadline),
                info ? Outcome.OTHER : null,
                info ? now : null,
                details));
        String deviceActor =
                "device:" + device.map(DeviceRef::label).orElse(event.device().label());
        store.timeline(id, now, TimelineKind.RECEIVED, deviceActor, null, title, details);
        if (repeatOf != null) {
            store.timeline(
                    id,
                    now,
                    TimelineKind.REPEAT_RECEIVED,
                    "system",
                    null,
                    "Gjentatt alarm innen " + properties.repeatWindow().toMinutes() + " minutter",
                    Map.of("repeatOf", repeatOf.toString()));
        }
        if (info) {
            store.timeline(
                    id,
                    now,
                    TimelineKind.CLOSED,
                    "system",
                    null,
                    "Informasjonsmelding logget",
                    Map.of("outcome", Outcome.OTHER.name()));
        }
        notifier.changed(id, "RECEIVED");
        events.publishEvent(new AlarmReceived(id, category, priority, now));
        return id;
    }

    private static Map<String, Object> details(DeviceEvent event) {
        Map<String, Object> details = new HashMap<>(event.extra());
        details.put("senderIdentity", event.senderIdentity());
        putIfPresent(details, "deviceType", event.deviceType());
        putIfPresent(details, "component", event.component());
        putIfPresent(details, "text", event.text());
        putIfPresent(details, "batteryPercent", event.batteryPercent());
        putIfPresent(details, "location", event.location());
        putIfPresent(details, "latitude", event.latitude());
        putIfPresent(details, "longitude", event.longitude());
        return details;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------

    @Transactional
    public Alarm get(VardeUser user, AlarmId id) {
        Alarm alarm = store.find(scopes.forUser(user), seesUnassigned(user), id)
                .orElseThrow(() -> new NotFoundException("alarm", id));
        if (alarm.residentId() != null) {
            audit.resident(AuditAction.READ, alarm.residentId().value(), alarm.kommunenummer(), "alarm " + id);
        }
        return alarm;
    }

    /**
     * Reads an alarm for a system task (call-out messages, documentation), without a user's scope. Callers that
     * show personal data from it must audit that themselves.
     */
    public Optional<Alarm> findForSystem(AlarmId id) {
        return store.find(AccessScope.all(), true, id);
    }

    /** How many alarms in these states the user may see (a list is limited; the count never is). */
    public long count(VardeUser user, Set<AlarmState> states, @Nullable AlarmCategory category) {
        return store.count(scopes.forUser(user), seesUnassigned(user), states, category);
    }

    /** Like {@link #findForSystem} but without the timeline (one query), for live streams. */
    public Optional<Alarm> findHeaderForSystem(AlarmId id) {
        return store.findHeader(id);
    }

    /** Alarms in the given states, the open ones first by priority then age: the operator's queue order. */
    public List<Alarm> list(VardeUser user, Set<AlarmState> states, @Nullable AlarmCategory category, int limit) {
        return store.list(scopes.forUser(user), seesUnassigned(user), states, category, limit);
    }

    /** Whether the user may see this alarm at all (for live streams that must not leak other municipalities). */
    public boolean visibleTo(VardeUser user, AlarmId id) {
        return store.find(scopes.forUser(user), seesUnassigned(user), id).isPresent();
    }

    /**
     * The same visibility rule as {@link #visibleTo(VardeUser, AlarmId)}, decided in memory for a scope resolved
     * once (live streams check every change for every connected user and must not query per check).
     */
    public static boolean visibleTo(VardeUser user, AccessScope scope, Alarm alarm) {
        return alarm.kommunenummer() == null ? seesUnassigned(user) : scope.allows(alarm.kommunenummer());
    }

    private static boolean seesUnassigned(VardeUser user) {
        return user.role() == Role.OPERATOR || user.role() == Role.SYSTEM_ADMIN;
    }

    // ---- operator actions -------------------------------------------------------------------------------

    /** Claims the alarm for this operator. Only one operator can hold an alarm; a second attempt is refused. */
    @Transactional
    public Alarm claim(VardeUser operator, AlarmId id) {
        Alarm alarm = lockForOperator(operator, id);
        if (alarm.state() != AlarmState.RECEIVED) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0002",
                    alarm.claimedBy() != null && alarm.isOpen()
                            ? "the alarm is already being handled by " + alarm.claimedBy()
                            : "the alarm is " + alarm.state() + " and cannot be claimed");
        }
        Instant now = clock.instant();
        store.jdbc()
                .sql("update alarm set state = 'IN_PROGRESS', claimed_by = ?, claimed_at = ?, version = version + 1"
                        + " where id = ?")
                .params(operator.username(), java.sql.Timestamp.from(now), id.value())
                .update();
        store.timeline(
                id,
                now,
                TimelineKind.CLAIMED,
                operator.username(),
                operator.role().name(),
                null,
                Map.of());
        changed(id, "CLAIMED");
        events.publishEvent(new AlarmClaimed(id, operator.username(), now));
        return reload(operator, id);
    }

    /** Gives the alarm back to the queue (e.g. end of shift); it keeps its original age and deadline. */
    @Transactional
    public Alarm release(VardeUser operator, AlarmId id, @Nullable String reason) {
        Alarm alarm = lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS));
        store.jdbc()
                .sql("update alarm set state = 'RECEIVED', claimed_by = null, claimed_at = null,"
                        + " version = version + 1 where id = ?")
                .param(alarm.id().value())
                .update();
        entry(operator, id, TimelineKind.RELEASED, reason, Map.of());
        changed(id, "RELEASED");
        return reload(operator, id);
    }

    @Transactional
    public Alarm logCall(
            VardeUser operator,
            AlarmId id,
            String callee,
            @Nullable String number,
            CallResult result,
            @Nullable String note) {
        requireText("callee", callee);
        lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        Map<String, Object> data = new HashMap<>();
        data.put("callee", callee.strip());
        data.put("result", result.name());
        putIfPresent(data, "number", number);
        entry(operator, id, TimelineKind.CALL, note, data);
        changed(id, "CALL");
        return reload(operator, id);
    }

    @Transactional
    public Alarm note(VardeUser operator, AlarmId id, TimelineKind kind, String text) {
        if (kind != TimelineKind.NOTE && kind != TimelineKind.CAUSE && kind != TimelineKind.MEASURE) {
            throw InvalidInputException.of("kind", "must be NOTE, CAUSE or MEASURE");
        }
        requireText("text", text);
        lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        entry(operator, id, kind, text.strip(), Map.of());
        changed(id, kind.name());
        return reload(operator, id);
    }

    /** Hands responsibility to the municipality's home-care team; the dispatch module notifies the team. */
    @Transactional
    public Alarm dispatch(VardeUser operator, AlarmId id, @Nullable String message) {
        Alarm alarm = lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS));
        Instant now = clock.instant();
        store.jdbc()
                .sql("update alarm set state = 'DISPATCHED', dispatch_deadline = ?, version = version + 1 where id = ?")
                .params(java.sql.Timestamp.from(now.plus(properties.dispatchAcceptDeadline())), id.value())
                .update();
        entry(operator, id, TimelineKind.DISPATCHED, message, Map.of());
        changed(id, "DISPATCHED");
        events.publishEvent(new AlarmDispatched(id, alarm.kommunenummer(), operator.username(), message, now));
        return reload(operator, id);
    }

    @Transactional
    public Alarm handTo113(VardeUser operator, AlarmId id, @Nullable String note) {
        lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        entry(
                operator,
                id,
                TimelineKind.HANDED_TO_113,
                note == null ? "Overlevert til 113 (AMK)" : note,
                Map.of("actor", "113 AMK"));
        changed(id, "HANDED_TO_113");
        return reload(operator, id);
    }

    @Transactional
    public Alarm notifyRelatives(VardeUser operator, AlarmId id, String who, @Nullable String note) {
        requireText("relatives", who);
        lockHeld(operator, id, EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        entry(operator, id, TimelineKind.RELATIVES_NOTIFIED, note, Map.of("relatives", who.strip()));
        changed(id, "RELATIVES_NOTIFIED");
        return reload(operator, id);
    }

    /**
     * Closes the alarm with an outcome. "Resolved by phone" needs a logged call with verbal contact, otherwise
     * the operator is told to dispatch; "call-out completed" needs an accepted call-out.
     */
    @Transactional
    public Alarm close(VardeUser operator, AlarmId id, @Nullable Outcome outcome, @Nullable String comment) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "is required: " + List.of(Outcome.values()));
        }
        Alarm alarm = lockHeld(
                operator, id, EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        List<TimelineEntry> timeline = store.timeline(id);
        if (outcome == Outcome.RESOLVED_BY_PHONE && timeline.stream().noneMatch(Alarms::verbalContact)) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0005",
                    "no call with verbal contact is logged;"
                            + " an alarm without verbal contact is not resolved by phone: dispatch home care");
        }
        if (outcome == Outcome.CALLOUT_COMPLETED && alarm.state() != AlarmState.DISPATCH_ACCEPTED) {
            throw new AlarmActionRefused("VARDE-ALARM-0006", "no call-out has been accepted for this alarm");
        }
        if (outcome == Outcome.HANDED_TO_113
                && timeline.stream().noneMatch(e -> e.kind() == TimelineKind.HANDED_TO_113)) {
            throw new AlarmActionRefused("VARDE-ALARM-0007", "record the handover to 113 before closing with it");
        }
        Instant now = clock.instant();
        store.jdbc()
                .sql(
                        "update alarm set state = 'CLOSED', outcome = ?, closed_at = ?, version = version + 1 where id = ?")
                .params(outcome.name(), java.sql.Timestamp.from(now), id.value())
                .update();
        entry(operator, id, TimelineKind.CLOSED, comment, Map.of("outcome", outcome.name()));
        changed(id, "CLOSED");
        events.publishEvent(new AlarmClosed(id, outcome, operator.username(), now));
        return reload(operator, id);
    }

    private static boolean verbalContact(TimelineEntry entry) {
        return entry.kind() == TimelineKind.CALL
                && CallResult.VERBAL_CONTACT.name().equals(entry.data().get("result"));
    }

    // ---- call-out (from the dispatch module: home-care worker through the signed link) ------------------

    @Transactional
    public void recordDispatchNotified(AlarmId id, String recipient, String channel) {
        lockAny(id);
        store.timeline(
                id,
                clock.instant(),
                TimelineKind.DISPATCH_NOTIFIED,
                "system",
                null,
                "Varslet " + recipient,
                Map.of("recipient", recipient, "channel", channel));
        changed(id, "DISPATCH_NOTIFIED");
    }

    @Transactional
    public void acceptDispatch(AlarmId id, Actor worker) {
        Alarm alarm = lockAny(id);
        if (alarm.state() != AlarmState.DISPATCHED) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0008",
                    alarm.state() == AlarmState.DISPATCH_ACCEPTED
                            ? "the call-out is already accepted"
                            : "the alarm is " + alarm.state() + ", not waiting for a call-out");
        }
        Instant now = clock.instant();
        store.jdbc()
                .sql("update alarm set state = 'DISPATCH_ACCEPTED', version = version + 1 where id = ?")
                .param(id.value())
                .update();
        store.timeline(id, now, TimelineKind.DISPATCH_ACCEPTED, worker.name(), worker.role(), null, Map.of());
        changed(id, "DISPATCH_ACCEPTED");
        events.publishEvent(new AlarmDispatchAccepted(id, worker.name(), now));
    }

    @Transactional
    public void recordDispatchStep(AlarmId id, Actor worker, TimelineKind kind, @Nullable String text) {
        if (kind != TimelineKind.DISPATCH_DECLINED
                && kind != TimelineKind.ARRIVED
                && kind != TimelineKind.DISPATCH_DONE) {
            throw new IllegalArgumentException("not a call-out step: " + kind);
        }
        Alarm alarm = lockAny(id);
        Set<AlarmState> allowed = kind == TimelineKind.DISPATCH_DECLINED
                ? EnumSet.of(AlarmState.DISPATCHED)
                : EnumSet.of(AlarmState.DISPATCH_ACCEPTED);
        if (!allowed.contains(alarm.state())) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0009", kind + " is not possible while the alarm is " + alarm.state());
        }
        store.timeline(id, clock.instant(), kind, worker.name(), worker.role(), text, Map.of());
        changed(id, kind.name());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Alarm lockAny(AlarmId id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    private Alarm lockForOperator(VardeUser operator, AlarmId id) {
        if (operator.role() != Role.OPERATOR) {
            throw new org.springframework.security.access.AccessDeniedException("only operators handle alarms");
        }
        Alarm alarm = lockAny(id);
        AccessScope scope = scopes.forUser(operator);
        if (alarm.kommunenummer() != null && !scope.allows(alarm.kommunenummer())) {
            throw new NotFoundException("alarm", id);
        }
        return alarm;
    }

    private Alarm lockHeld(VardeUser operator, AlarmId id, Set<AlarmState> allowed) {
        Alarm alarm = lockForOperator(operator, id);
        if (alarm.state() == AlarmState.RECEIVED) {
            throw new AlarmActionRefused("VARDE-ALARM-0003", "claim the alarm first");
        }
        if (!operator.username().equals(alarm.claimedBy())) {
            throw new AlarmActionRefused("VARDE-ALARM-0002", "the alarm is being handled by " + alarm.claimedBy());
        }
        if (!allowed.contains(alarm.state())) {
            throw new AlarmActionRefused("VARDE-ALARM-0004", "not possible while the alarm is " + alarm.state());
        }
        return alarm;
    }

    private void entry(VardeUser user, AlarmId id, TimelineKind kind, @Nullable String text, Map<String, Object> data) {
        store.timeline(
                id,
                clock.instant(),
                kind,
                user.username(),
                user.role().name(),
                text == null || text.isBlank() ? null : text.strip(),
                data);
    }

    private void changed(AlarmId id, String what) {
        notifier.changed(id, what);
    }

    private Alarm reload(VardeUser user, AlarmId id) {
        return store.find(scopes.forUser(user), seesUnassigned(user), id).orElseThrow();
    }

    private static void requireText(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
    }
}
