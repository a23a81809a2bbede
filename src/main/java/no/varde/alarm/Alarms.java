package no.varde.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.varde.alarm.live.AlarmNotifier;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceRef;
import no.varde.registry.Devices;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.StaffDirectory;
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

    private final AlarmRepository store;
    private final AlarmTypeMappings mappings;
    private final Devices devices;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final AlarmNotifier notifier;
    private final ApplicationEventPublisher events;
    private final AlarmProperties properties;
    private final Clock clock;
    private final StaffDirectory staff;

    Alarms(
            AlarmRepository store,
            AlarmTypeMappings mappings,
            Devices devices,
            AccessScopes scopes,
            AuditLog audit,
            AlarmNotifier notifier,
            ApplicationEventPublisher events,
            AlarmProperties properties,
            Clock clock,
            StaffDirectory staff) {
        this.store = store;
        this.mappings = mappings;
        this.devices = devices;
        this.scopes = scopes;
        this.audit = audit;
        this.notifier = notifier;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.staff = staff;
    }

    /**
     * Classifies the event and stores it as an alarm, in the caller's transaction (the receiver commits before
     * it acknowledges). Unknown devices, unassigned devices and unknown codes still become alarms, flagged.
     */
    @Transactional
    public AlarmId receive(DeviceEvent event) {
        Instant now = clock.instant();
        Optional<AlarmTypeMapping> mapping = mappings.find(event.source(), event.code());
        Alarm.Classification type = new Alarm.Classification(
                mapping.map(AlarmTypeMapping::category).orElse(AlarmCategory.ALARM),
                event.source().name(),
                event.code().strip().toUpperCase(java.util.Locale.ROOT),
                mapping.map(AlarmTypeMapping::vkpAlertCode).orElse("3"),
                mapping.map(AlarmTypeMapping::titleNb).orElse("Ukjent hendelse: " + event.code()),
                mapping.map(AlarmTypeMapping::priority).map(Priority::of).orElse(Priority.of(2)),
                mapping.map(m -> Duration.ofSeconds(m.claimDeadlineSeconds())).orElse(properties.unknownCodeDeadline()),
                mapping.isPresent());
        Optional<DeviceRef> device = devices.findByIdentity(event.device());
        Alarm.Origin origin = new Alarm.Origin(
                device.map(DeviceRef::kommunenummer).orElse(null),
                device.map(DeviceRef::residentId).orElse(null),
                device.map(DeviceRef::id).orElse(null),
                device.map(DeviceRef::label).orElse(event.device().label()),
                device.isPresent());
        AlarmId repeatOf = type.category() == AlarmCategory.ALARM && origin.residentId() != null
                ? store.recentAlarmOfResident(origin.residentId(), now.minus(properties.repeatWindow()))
                        .orElse(null)
                : null;
        Transition received = Alarm.receive(
                AlarmId.random(),
                type,
                origin,
                repeatOf,
                properties.repeatWindow(),
                new TimelineDetail.DeviceReport(details(event)),
                event.occurredAt(),
                now);
        store.add(received);
        published(received);
        return received.alarm().id();
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
     * The alarm with its timeline for a part of its page that is re-rendered while the user has it open (an action
     * answered in place, a live refresh): audited by the audit rule, one READ per user, resident and 10 minutes.
     */
    @Transactional
    public Alarm getShown(VardeUser user, AlarmId id) {
        Alarm alarm = store.find(scopes.forUser(user), seesUnassigned(user), id)
                .orElseThrow(() -> new NotFoundException("alarm", id));
        if (alarm.residentId() != null) {
            audit.residentsShown(java.util.Map.of(alarm.residentId().value(), alarm.kommunenummer()), "alarm " + id);
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
    /** The battery level the devices of these alarms reported, within the user's scope (technical rows). */
    @Transactional(readOnly = true)
    public Map<AlarmId, Integer> reportedBattery(VardeUser user, java.util.Collection<AlarmId> ids) {
        return store.reportedBattery(scopes.forUser(user), seesUnassigned(user), ids);
    }

    public boolean visibleTo(VardeUser user, AlarmId id) {
        return findVisibleWithTimeline(user, id).isPresent();
    }

    /**
     * The same visibility rule as {@link #visibleTo(VardeUser, AlarmId)}, decided in memory for a scope resolved
     * once (live streams check every change for every connected user and must not query per check).
     */
    public static boolean visibleTo(VardeUser user, AccessScope scope, Alarm alarm) {
        return visibleTo(user, scope, alarm.kommunenummer());
    }

    /** The same rule for a live change, which carries the alarm's municipality. */
    public static boolean visibleTo(VardeUser user, AccessScope scope, @Nullable Kommunenummer kommunenummer) {
        return kommunenummer == null ? seesUnassigned(user) : scope.allows(kommunenummer);
    }

    /** The alarm if this user may see it, without its timeline and without an audit entry (for live rows). */
    public Optional<Alarm> findVisible(VardeUser user, AlarmId id) {
        return store.findHeader(scopes.forUser(user), seesUnassigned(user), id);
    }

    /**
     * The alarm with its timeline if this user may see it, without an audit entry: for panels of an alarm page
     * whose opening was audited already (the guidance checklist reads its ticks from the timeline).
     */
    Optional<Alarm> findVisibleWithTimeline(VardeUser user, AlarmId id) {
        return store.find(scopes.forUser(user), seesUnassigned(user), id);
    }

    private static boolean seesUnassigned(VardeUser user) {
        return NeedToKnow.seesUnassigned(user);
    }

    // ---- operator actions -------------------------------------------------------------------------------

    /** Claims the alarm for this operator. Only one operator can hold an alarm; a second attempt is refused. */
    @Transactional
    public Alarm claim(VardeUser operator, AlarmId id) {
        return change(operator, id, alarm -> alarm.claim(Actor.of(operator), clock.instant()));
    }

    /** Gives the alarm back to the queue (e.g. end of shift); it keeps its original age and deadline. */
    @Transactional
    public Alarm release(VardeUser operator, AlarmId id, @Nullable String reason) {
        return change(operator, id, alarm -> alarm.release(Actor.of(operator), reason, clock.instant()));
    }

    /** A supervisor hands an alarm being handled to another operator. */
    @Transactional
    public Alarm reassign(VardeUser supervisor, AlarmId id, String toOperator) {
        return reassign(supervisor, id, toOperator, null);
    }

    /**
     * A supervisor hands an alarm another operator holds to an operator of the same response centre, saying why;
     * the timeline records who, to whom and why.
     */
    @Transactional
    public Alarm reassign(VardeUser supervisor, AlarmId id, String toOperator, @Nullable String reason) {
        requireSupervisor(supervisor);
        requireText("operator", toOperator);
        String to = toOperator.strip();
        VardeUser target = staff.find(to)
                .filter(u -> u.role().handlesAlarms())
                .orElseThrow(() -> InvalidInputException.of("operator", "is not an operator: '" + to + "'"));
        if (supervisor.responseCentreId() != null
                && !supervisor.responseCentreId().equals(target.responseCentreId())) {
            throw InvalidInputException.of("operator", "works in another response centre: '" + to + "'");
        }
        Alarm alarm = lockInScope(supervisor, id);
        return apply(supervisor, alarm, alarm.reassign(Actor.of(supervisor), to, blank(reason), clock.instant()));
    }

    /** A supervisor puts an alarm another operator holds back in the queue, saying why. */
    @Transactional
    public Alarm releaseAsSupervisor(VardeUser supervisor, AlarmId id, @Nullable String reason) {
        requireSupervisor(supervisor);
        String why = reason == null ? "" : reason.strip();
        requireText("reason", why);
        Alarm alarm = lockInScope(supervisor, id);
        return apply(supervisor, alarm, alarm.releaseAsSupervisor(Actor.of(supervisor), why, clock.instant()));
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
        return change(
                operator,
                id,
                alarm -> alarm.logCall(Actor.of(operator), callee, number, result, note, clock.instant()));
    }

    @Transactional
    public Alarm note(VardeUser operator, AlarmId id, TimelineKind kind, String text) {
        if (kind != TimelineKind.NOTE && kind != TimelineKind.CAUSE && kind != TimelineKind.MEASURE) {
            throw InvalidInputException.of("kind", "must be NOTE, CAUSE or MEASURE");
        }
        requireText("text", text);
        return change(operator, id, alarm -> alarm.note(Actor.of(operator), kind, text, clock.instant()));
    }

    /** The holder ticks a step of the guidance checklist; {@link AlarmGuidance} checks the step exists. */
    @Transactional
    public Alarm tickGuidance(VardeUser operator, AlarmId id, TimelineDetail.GuidanceStep step, String text) {
        return change(operator, id, alarm -> alarm.tickGuidance(Actor.of(operator), step, text, clock.instant()));
    }

    /** Hands responsibility to the municipality's home-care team; the dispatch module notifies the team. */
    @Transactional
    public Alarm dispatch(VardeUser operator, AlarmId id, @Nullable String message) {
        return change(
                operator,
                id,
                alarm -> alarm.dispatch(
                        Actor.of(operator), message, properties.dispatchAcceptDeadline(), clock.instant()));
    }

    /** Takes the alarm back from home care: in progress again with the same operator. */
    @Transactional
    public Alarm cancelCallout(VardeUser operator, AlarmId id, @Nullable String reason) {
        return change(operator, id, alarm -> alarm.cancelCallout(Actor.of(operator), reason, clock.instant()));
    }

    @Transactional
    public Alarm handTo113(VardeUser operator, AlarmId id, @Nullable String note) {
        return change(operator, id, alarm -> alarm.handTo113(Actor.of(operator), note, clock.instant()));
    }

    @Transactional
    public Alarm notifyRelatives(VardeUser operator, AlarmId id, String who, @Nullable String note) {
        requireText("relatives", who);
        return change(operator, id, alarm -> alarm.notifyRelatives(Actor.of(operator), who, note, clock.instant()));
    }

    /**
     * Closes the alarm with an outcome. "Resolved by phone" needs a logged call with verbal contact, otherwise
     * the operator is told to dispatch; "call-out completed" needs an accepted call-out.
     */
    @Transactional
    public Alarm close(VardeUser operator, AlarmId id, @Nullable Outcome outcome, @Nullable String comment) {
        return close(operator, id, outcome, comment, false);
    }

    /**
     * Closes the alarm; while a call-out is active it is refused ({@link CalloutActiveRefusal}) unless
     * {@code calloutCancelConfirmed}: the dispatch module then cancels the call-out and tells the worker by SMS.
     */
    @Transactional
    public Alarm close(
            VardeUser operator,
            AlarmId id,
            @Nullable Outcome outcome,
            @Nullable String comment,
            boolean calloutCancelConfirmed) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "is required: " + List.of(Outcome.values()));
        }
        return change(
                operator,
                id,
                alarm -> alarm.close(Actor.of(operator), outcome, comment, calloutCancelConfirmed, clock.instant()));
    }

    /** A fleet rule closes a technical alarm it has handled; the actor is the rule (system). */
    @Transactional
    public void closeByRule(AlarmId id, String rule, Outcome outcome, String reason) {
        Alarm alarm = lockAny(id);
        save(alarm, alarm.closeByRule(Actor.system(rule), outcome, reason, clock.instant()));
    }

    /**
     * A supervisor closes a flood of stale unclaimed alarms of one type (e.g. a misconfigured device) received
     * before a time, within their scope: each is closed on its own timeline with the reason and audited when it
     * belongs to a resident. Alarms someone holds are never closed this way. Returns how many were closed.
     */
    /** Alarms closed in one bulk request at most; a larger flood takes several (each one transaction). */
    public static final int BULK_CLOSE_MAX = 1000;

    /** How many unclaimed alarms of this code received before that time a bulk close would close now. */
    @Transactional(readOnly = true)
    public long countBulkClosable(VardeUser supervisor, String sourceCode, Instant receivedBefore) {
        requireSupervisor(supervisor);
        requireText("code", sourceCode);
        return store.countUnclaimed(
                scopes.forUser(supervisor),
                seesUnassigned(supervisor),
                sourceCode.strip().toUpperCase(java.util.Locale.ROOT),
                receivedBefore);
    }

    @Transactional
    public int closeInBulk(VardeUser supervisor, String sourceCode, Instant receivedBefore, String reason, int max) {
        requireSupervisor(supervisor);
        requireText("reason", reason);
        requireText("code", sourceCode);
        Instant now = clock.instant();
        List<Alarm> stale = store.lockUnclaimed(
                scopes.forUser(supervisor),
                seesUnassigned(supervisor),
                sourceCode.strip().toUpperCase(java.util.Locale.ROOT),
                receivedBefore,
                Math.min(Math.max(max, 1), BULK_CLOSE_MAX));
        for (Alarm alarm : stale) {
            save(alarm, alarm.closeInBulk(Actor.of(supervisor), reason.strip(), now));
            if (alarm.residentId() != null) {
                audit.resident(
                        AuditAction.UPDATE,
                        alarm.residentId().value(),
                        alarm.kommunenummer(),
                        "alarm " + alarm.id() + ": closed in bulk");
            }
        }
        return stale.size();
    }

    // ---- call-out (from the dispatch module: home-care worker through the signed link) ------------------

    @Transactional
    public void recordDispatchNotified(AlarmId id, String recipient, String channel) {
        Alarm alarm = lockAny(id);
        save(alarm, alarm.calloutNotified(recipient, channel, clock.instant()));
    }

    @Transactional
    public void acceptDispatch(AlarmId id, Actor worker) {
        Alarm alarm = lockAny(id);
        save(alarm, alarm.acceptCallout(worker, clock.instant()));
    }

    @Transactional
    public void recordDispatchStep(AlarmId id, Actor worker, TimelineKind kind, @Nullable String text) {
        if (kind != TimelineKind.DISPATCH_DECLINED
                && kind != TimelineKind.ARRIVED
                && kind != TimelineKind.DISPATCH_DONE) {
            throw new IllegalArgumentException("not a call-out step: " + kind);
        }
        Alarm alarm = lockAny(id);
        Instant now = clock.instant();
        save(
                alarm,
                switch (kind) {
                    case DISPATCH_DECLINED -> alarm.declineCallout(worker, text, now);
                    case ARRIVED -> alarm.arrive(worker, text, now);
                    default -> alarm.completeCallout(worker, text, now);
                });
    }

    /**
     * A note from the alarm's device (by a receiver, e.g. {@code system:scaip}) on an open alarm; false when the
     * alarm is closed meanwhile (the caller keeps the fact elsewhere).
     */
    @Transactional
    public boolean recordDeviceNote(AlarmId id, String by, String text, Map<String, Object> data) {
        Alarm alarm = lockAny(id);
        if (alarm.state() == AlarmState.CLOSED) {
            return false;
        }
        save(alarm, alarm.deviceNote(by, text, data, clock.instant()));
        return true;
    }

    /** A problem of the call-out the operator must know about, by {@code system:dispatch}. */
    @Transactional
    /** See {@link Alarm#relativeMessage}; used through {@link RelativesTimeline}. */
    void recordRelativeMessage(
            AlarmId id,
            String actor,
            @Nullable String actorRole,
            TimelineKind kind,
            @Nullable String text,
            TimelineDetail detail) {
        Alarm alarm = lockAny(id);
        save(alarm, alarm.relativeMessage(actor, actorRole, kind, text, detail, clock.instant()));
    }

    /**
     * Whether the alarm still waits for the call-out of its dispatch (state DISPATCHED), holding the row against
     * changes until the caller's transaction ends: a close or take-back then waits for the call-out to be written
     * and cancels it, or has happened already and no call-out is sent.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean stillDispatched(AlarmId id) {
        return store.lockStateShared(id)
                .map(state -> state == AlarmState.DISPATCHED)
                .orElse(false);
    }

    public void recordCalloutProblem(AlarmId id, String reason, String text, Map<String, Object> data) {
        Alarm alarm = lockAny(id);
        save(alarm, alarm.calloutProblem(reason, text, data, clock.instant()));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Alarm change(VardeUser operator, AlarmId id, java.util.function.Function<Alarm, Transition> transition) {
        Alarm alarm = lockForOperator(operator, id);
        return apply(operator, alarm, transition.apply(alarm));
    }

    private Alarm apply(VardeUser user, Alarm before, Transition transition) {
        save(before, transition);
        return reload(user, before.id());
    }

    /** Stores the transition; its event goes to this node's listeners and, at commit, to every node. */
    void save(Alarm before, Transition transition) {
        store.save(before, transition);
        published(transition);
    }

    private void published(Transition transition) {
        notifier.changed(AlarmChange.of(transition));
        events.publishEvent(transition.event());
        if (transition.event() instanceof AlarmEvents.AlarmReceived received
                && received.category() != AlarmCategory.ALARM) {
            events.publishEvent(new AlarmEvents.TechnicalAlarmReceived(
                    received.alarmId(), received.category(), received.receivedAt()));
        }
    }

    private Alarm lockAny(AlarmId id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    private Alarm lockInScope(VardeUser user, AlarmId id) {
        Alarm alarm = lockAny(id);
        AccessScope scope = scopes.forUser(user);
        if (alarm.kommunenummer() != null ? !scope.allows(alarm.kommunenummer()) : !seesUnassigned(user)) {
            throw new NotFoundException("alarm", id);
        }
        return alarm;
    }

    private Alarm lockForOperator(VardeUser operator, AlarmId id) {
        if (!operator.role().handlesAlarms()) {
            throw new org.springframework.security.access.AccessDeniedException("only operators handle alarms");
        }
        return lockInScope(operator, id);
    }

    /** The response centre's supervisor on duty; the system administrator may act as one. */
    private static void requireSupervisor(VardeUser user) {
        if (user.role() != Role.SUPERVISOR && user.role() != Role.SYSTEM_ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("only a supervisor may do this");
        }
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
