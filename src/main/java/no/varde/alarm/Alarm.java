package no.varde.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.varde.alarm.AlarmEvents.AlarmCallLogged;
import no.varde.alarm.AlarmEvents.AlarmCalloutArrived;
import no.varde.alarm.AlarmEvents.AlarmCalloutCancelled;
import no.varde.alarm.AlarmEvents.AlarmCalloutDeclined;
import no.varde.alarm.AlarmEvents.AlarmCalloutDone;
import no.varde.alarm.AlarmEvents.AlarmCalloutNotified;
import no.varde.alarm.AlarmEvents.AlarmCalloutProblem;
import no.varde.alarm.AlarmEvents.AlarmClaimed;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmEvents.AlarmDispatchAccepted;
import no.varde.alarm.AlarmEvents.AlarmDispatchOverdue;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.AlarmEvents.AlarmEscalated;
import no.varde.alarm.AlarmEvents.AlarmHandedTo113;
import no.varde.alarm.AlarmEvents.AlarmNoted;
import no.varde.alarm.AlarmEvents.AlarmReassigned;
import no.varde.alarm.AlarmEvents.AlarmReceived;
import no.varde.alarm.AlarmEvents.AlarmRelativesNotified;
import no.varde.alarm.AlarmEvents.AlarmReleased;
import no.varde.alarm.Transition.Entry;
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.Username;
import org.jspecify.annotations.Nullable;

/**
 * The alarm aggregate: its state and, when loaded, its timeline. Every change is an intention-revealing method
 * that checks DESIGN.md's state table and the safety rules and returns a {@link Transition} (the alarm after it,
 * the timeline entries, the past-tense event) or refuses with {@link AlarmActionRefused}. No database here: the
 * rules are unit-tested on their own; {@code Alarms} locks, calls these and stores the result.
 */
public record Alarm(
        AlarmId id,
        AlarmCategory category,
        String source,
        String sourceCode,
        String vkpAlertCode,
        String title,
        Priority priority,
        AlarmState state,
        @Nullable Kommunenummer kommunenummer,
        @Nullable ResidentId residentId,
        @Nullable DeviceId deviceId,
        @Nullable String deviceLabel,
        Set<AlarmFlag> flags,
        @Nullable AlarmId repeatOf,
        Instant occurredAt,
        Instant receivedAt,
        Instant claimDeadline,
        @Nullable String claimedBy,
        @Nullable Instant claimedAt,
        int escalationLevel,
        @Nullable Instant dispatchDeadline,
        @Nullable Outcome outcome,
        @Nullable Instant closedAt,
        int version,
        List<TimelineEntry> timeline) {

    private static final Set<AlarmState> HANDLED =
            EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED);

    public Alarm {
        flags = flags.isEmpty() ? EnumSet.noneOf(AlarmFlag.class) : EnumSet.copyOf(flags);
        timeline = List.copyOf(timeline);
    }

    public boolean isOpen() {
        return state != AlarmState.CLOSED;
    }

    /** Not claimed within its deadline: shown as overdue; the priority stays the alarm type's. */
    public boolean isOverdue() {
        return flags.contains(AlarmFlag.ESCALATED) && state == AlarmState.RECEIVED;
    }

    // ---- reception ----------------------------------------------------------------------------------------

    /** What classification decided for a received event. */
    public record Classification(
            AlarmCategory category,
            String source,
            String sourceCode,
            String vkpAlertCode,
            String title,
            Priority priority,
            Duration claimDeadline,
            boolean knownCode) {}

    /** Where the event came from: the device as registered (if it is), whose it is and where. */
    public record Origin(
            @Nullable Kommunenummer kommunenummer,
            @Nullable ResidentId residentId,
            @Nullable DeviceId deviceId,
            String deviceLabel,
            boolean knownDevice) {}

    /**
     * A new alarm from a device event. Unknown devices, unassigned devices and unknown codes still become alarms,
     * flagged; a repeat within the window is linked and raised one level; information is logged and closed.
     */
    public static Transition receive(
            AlarmId id,
            Classification type,
            Origin origin,
            @Nullable AlarmId repeatOf,
            Duration repeatWindow,
            TimelineDetail.DeviceReport report,
            Instant occurredAt,
            Instant now) {
        Set<AlarmFlag> flags = EnumSet.noneOf(AlarmFlag.class);
        if (!type.knownCode()) {
            flags.add(AlarmFlag.UNKNOWN_EVENT_CODE);
        }
        if (!origin.knownDevice()) {
            flags.add(AlarmFlag.UNKNOWN_DEVICE);
        } else if (origin.residentId() == null) {
            flags.add(AlarmFlag.NO_RESIDENT);
        }
        boolean repeat = repeatOf != null && type.category() == AlarmCategory.ALARM;
        Priority priority = type.priority();
        if (repeat) {
            flags.add(AlarmFlag.REPEAT);
            priority = priority.raised();
        }
        boolean info = type.category() == AlarmCategory.INFO;
        Alarm alarm = new Alarm(
                id,
                type.category(),
                type.source(),
                type.sourceCode(),
                type.vkpAlertCode(),
                type.title(),
                priority,
                info ? AlarmState.CLOSED : AlarmState.RECEIVED,
                origin.kommunenummer(),
                origin.residentId(),
                origin.deviceId(),
                origin.deviceLabel(),
                flags,
                repeat ? repeatOf : null,
                occurredAt,
                now,
                now.plus(type.claimDeadline()),
                null,
                null,
                0,
                null,
                info ? Outcome.OTHER : null,
                info ? now : null,
                0,
                List.of());
        List<Entry> entries = new ArrayList<>();
        entries.add(
                new Entry(now, TimelineKind.RECEIVED, "device:" + origin.deviceLabel(), null, type.title(), report));
        if (repeat) {
            entries.add(new Entry(
                    now,
                    TimelineKind.REPEAT_RECEIVED,
                    "system",
                    null,
                    "Gjentatt alarm innen " + repeatWindow.toMinutes() + " minutter",
                    new TimelineDetail.Repeat(repeatOf)));
        }
        if (info) {
            entries.add(new Entry(
                    now,
                    TimelineKind.CLOSED,
                    "system",
                    null,
                    "Informasjonsmelding logget",
                    new TimelineDetail.Closure(Outcome.OTHER)));
        }
        return new Transition(alarm, entries, new AlarmReceived(id, type.category(), priority, now));
    }

    // ---- operator -----------------------------------------------------------------------------------------

    /** Claims the alarm: one operator at a time; a second attempt is told who has it. */
    public Transition claim(Actor operator, Instant now) {
        if (state != AlarmState.RECEIVED) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0002",
                    claimedBy != null && isOpen()
                            ? "the alarm is already being handled by " + claimedBy
                            : "the alarm is " + state + " and cannot be claimed");
        }
        return change(
                with(AlarmState.IN_PROGRESS, operator.name(), now),
                Entry.by(operator, now, TimelineKind.CLAIMED, null, new TimelineDetail.None()),
                new AlarmClaimed(id, Username.of(operator.name()), now));
    }

    /** Gives the alarm back to the queue; it keeps its original age and deadline. */
    public Transition release(Actor operator, @Nullable String reason, Instant now) {
        requireHolder(operator, EnumSet.of(AlarmState.IN_PROGRESS));
        return change(
                with(AlarmState.RECEIVED, null, null),
                Entry.by(operator, now, TimelineKind.RELEASED, reason, new TimelineDetail.None()),
                new AlarmReleased(id, Username.of(operator.name()), now));
    }

    /**
     * A supervisor takes an alarm another operator holds back to the queue (e.g. the operator left the desk): the
     * timeline says who released it and why. A dispatched alarm is not released: home care holds it.
     */
    public Transition releaseAsSupervisor(Actor supervisor, @Nullable String reason, Instant now) {
        if (state != AlarmState.IN_PROGRESS) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0013", "only an alarm in progress can be released to the queue; it is " + state);
        }
        return change(
                with(AlarmState.RECEIVED, null, null),
                Entry.by(supervisor, now, TimelineKind.RELEASED, reason, new TimelineDetail.None()),
                new AlarmReleased(id, Username.of(supervisor.name()), now));
    }

    /** A supervisor gives a claimed alarm to another operator (or takes a stuck one over), saying why. */
    public Transition reassign(Actor supervisor, String to, Instant now) {
        return reassign(supervisor, to, null, now);
    }

    public Transition reassign(Actor supervisor, String to, @Nullable String reason, Instant now) {
        if (!HANDLED.contains(state)) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0010", "only an alarm being handled can be reassigned; it is " + state);
        }
        if (to.equals(claimedBy)) {
            throw new AlarmActionRefused("VARDE-ALARM-0010", "the alarm is already handled by " + to);
        }
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        state,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        flags,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        to,
                        claimedAt,
                        escalationLevel,
                        dispatchDeadline,
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                Entry.by(
                        supervisor,
                        now,
                        TimelineKind.REASSIGNED,
                        reason,
                        new TimelineDetail.Reassignment(claimedBy, to)),
                new AlarmReassigned(
                        id,
                        claimedBy == null ? null : Username.of(claimedBy),
                        Username.of(to),
                        supervisor.name(),
                        now));
    }

    public Transition logCall(
            Actor operator,
            String callee,
            @Nullable String number,
            CallResult result,
            @Nullable String note,
            Instant now) {
        requireHolder(operator, HANDLED);
        return change(
                bumped(),
                Entry.by(
                        operator,
                        now,
                        TimelineKind.CALL,
                        note,
                        new TimelineDetail.Call(callee.strip(), blankToNull(number), result)),
                new AlarmCallLogged(id, result, operator.name(), now));
    }

    /** A note, a cause (årsak) or a measure (tiltak). */
    public Transition note(Actor operator, TimelineKind kind, String text, Instant now) {
        if (kind != TimelineKind.NOTE && kind != TimelineKind.CAUSE && kind != TimelineKind.MEASURE) {
            throw new IllegalArgumentException("not a note: " + kind);
        }
        requireHolder(operator, HANDLED);
        return change(
                bumped(),
                Entry.by(operator, now, kind, text, new TimelineDetail.None()),
                new AlarmNoted(id, kind, operator.name(), now));
    }

    /**
     * The holder ticks a step of the alarm type's guidance checklist; the entry's text is the step as the operator
     * read it, the detail names the checklist version, so a later edit of the guidance does not rewrite the record.
     */
    public Transition tickGuidance(Actor operator, TimelineDetail.GuidanceStep step, String text, Instant now) {
        requireHolder(operator, HANDLED);
        return change(
                bumped(),
                Entry.by(operator, now, TimelineKind.GUIDANCE_STEP, text, step),
                new AlarmNoted(id, TimelineKind.GUIDANCE_STEP, operator.name(), now));
    }

    /**
     * Something the alarm's device did beyond its event that the operator must know (e.g. a voice call Varde
     * refused, so the device used its own voice fallback), recorded by a system actor such as {@code system:scaip}.
     */
    public Transition deviceNote(String by, String text, java.util.Map<String, Object> data, Instant now) {
        if (state == AlarmState.CLOSED) {
            throw new AlarmActionRefused("VARDE-ALARM-0014", "the alarm is closed");
        }
        return change(
                bumped(),
                new Entry(now, TimelineKind.NOTE, by, null, text, new TimelineDetail.DeviceReport(data)),
                new AlarmNoted(id, TimelineKind.NOTE, by, now));
    }

    /** Hands responsibility to the municipality's home-care team, which must accept within the deadline. */
    public Transition dispatch(Actor operator, @Nullable String message, Duration acceptWithin, Instant now) {
        requireHolder(operator, EnumSet.of(AlarmState.IN_PROGRESS));
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        AlarmState.DISPATCHED,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        flags,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        escalationLevel,
                        now.plus(acceptWithin),
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                Entry.by(operator, now, TimelineKind.DISPATCHED, message, new TimelineDetail.None()),
                new AlarmDispatched(id, kommunenummer, Username.of(operator.name()), blankToNull(message), now));
    }

    /** The operator takes the alarm back from home care (e.g. the resident called back): in progress again. */
    public Transition cancelCallout(Actor operator, @Nullable String reason, Instant now) {
        requireHolder(operator, EnumSet.of(AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED));
        Set<AlarmFlag> without = EnumSet.copyOf(flags);
        without.remove(AlarmFlag.DISPATCH_OVERDUE);
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        AlarmState.IN_PROGRESS,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        without,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        escalationLevel,
                        null,
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                Entry.by(operator, now, TimelineKind.CALLOUT_CANCELLED, reason, new TimelineDetail.None()),
                new AlarmCalloutCancelled(id, operator.name(), blankToNull(reason), now));
    }

    public Transition handTo113(Actor operator, @Nullable String note, Instant now) {
        requireHolder(operator, HANDLED);
        return change(
                bumped(),
                Entry.by(
                        operator,
                        now,
                        TimelineKind.HANDED_TO_113,
                        note == null || note.isBlank() ? "Overlevert til 113 (AMK)" : note,
                        new TimelineDetail.OtherActor("113 AMK")),
                new AlarmHandedTo113(id, operator.name(), now));
    }

    public Transition notifyRelatives(Actor operator, String who, @Nullable String note, Instant now) {
        requireHolder(operator, HANDLED);
        return change(
                bumped(),
                Entry.by(
                        operator,
                        now,
                        TimelineKind.RELATIVES_NOTIFIED,
                        note,
                        new TimelineDetail.RelativesNotified(who.strip())),
                new AlarmRelativesNotified(id, operator.name(), now));
    }

    /**
     * Closes the alarm with an outcome. "Resolved by phone" needs a logged call with verbal contact (otherwise the
     * operator is told to dispatch); "call-out completed" needs an accepted call-out; "handed to 113" needs the
     * recorded handover. Needs the timeline loaded.
     */
    public Transition close(Actor operator, Outcome outcome, @Nullable String comment, Instant now) {
        return close(operator, outcome, comment, false, now);
    }

    /**
     * Closes the alarm; with a call-out still active (dispatched or accepted, not done) only when the operator
     * confirmed that it is cancelled, unless the outcome says the call-out was completed.
     */
    public Transition close(
            Actor operator, Outcome outcome, @Nullable String comment, boolean calloutCancelConfirmed, Instant now) {
        requireHolder(operator, HANDLED);
        if (hasActiveCallout() && outcome != Outcome.CALLOUT_COMPLETED && !calloutCancelConfirmed) {
            throw new CalloutActiveRefusal(state);
        }
        if (outcome == Outcome.RESOLVED_BY_PHONE && timeline.stream().noneMatch(Alarm::verbalContact)) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0005",
                    "no call with verbal contact is logged;"
                            + " an alarm without verbal contact is not resolved by phone: dispatch home care");
        }
        if (outcome == Outcome.CALLOUT_COMPLETED && state != AlarmState.DISPATCH_ACCEPTED) {
            throw new AlarmActionRefused("VARDE-ALARM-0006", "no call-out has been accepted for this alarm");
        }
        if (outcome == Outcome.HANDED_TO_113
                && timeline.stream().noneMatch(e -> e.kind() == TimelineKind.HANDED_TO_113)) {
            throw new AlarmActionRefused("VARDE-ALARM-0007", "record the handover to 113 before closing with it");
        }
        return closed(operator, TimelineKind.CLOSED, outcome, comment, now);
    }

    /** A fleet rule closes a technical alarm it has handled (system actor); alarms for a person never. */
    public Transition closeByRule(Actor rule, Outcome outcome, String reason, Instant now) {
        if (category != AlarmCategory.TECHNICAL) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0011", "a rule may close technical alarms only; this is " + category);
        }
        requireOpen();
        return closed(rule, TimelineKind.CLOSED_BY_RULE, outcome, reason, now);
    }

    /**
     * A supervisor closes a stale alarm of a flood (e.g. a misconfigured device) that nobody holds; recorded on
     * the alarm's own timeline with the reason.
     */
    public Transition closeInBulk(Actor supervisor, String reason, Instant now) {
        if (state != AlarmState.RECEIVED) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0012", "only unclaimed alarms are closed in bulk; this one is " + state);
        }
        return closed(supervisor, TimelineKind.CLOSED_IN_BULK, Outcome.OTHER, reason, now);
    }

    // ---- call-out (home care through the signed link, and the dispatch module) ----------------------------

    public Transition calloutNotified(String recipient, String channel, Instant now) {
        return change(
                bumped(),
                new Entry(
                        now,
                        TimelineKind.DISPATCH_NOTIFIED,
                        "system",
                        null,
                        "Varslet " + recipient,
                        new TimelineDetail.CalloutNotified(recipient, channel)),
                new AlarmCalloutNotified(id, recipient, now));
    }

    /**
     * Records a step of a relative's text message (queued, delivery status, confirmation). Delivery reports and
     * confirmations may arrive after the alarm is closed; they are still part of its record.
     */
    public Transition relativeMessage(
            String actor,
            @Nullable String actorRole,
            TimelineKind kind,
            @Nullable String text,
            TimelineDetail detail,
            Instant now) {
        if (kind != TimelineKind.RELATIVE_SMS
                && kind != TimelineKind.RELATIVE_SMS_STATUS
                && kind != TimelineKind.RELATIVE_CONFIRMED) {
            throw new IllegalArgumentException("not a relative's message: " + kind);
        }
        return change(
                bumped(),
                new Entry(now, kind, actor, actorRole, text, detail),
                new AlarmEvents.AlarmRelativeMessage(id, kind, now));
    }

    public Transition calloutProblem(String reason, String text, java.util.Map<String, Object> data, Instant now) {
        return change(
                bumped(),
                new Entry(
                        now,
                        TimelineKind.NOTE,
                        "system:dispatch",
                        null,
                        text,
                        new TimelineDetail.CalloutProblem(reason, data)),
                new AlarmCalloutProblem(id, reason, now));
    }

    public Transition acceptCallout(Actor worker, Instant now) {
        if (state != AlarmState.DISPATCHED) {
            throw new AlarmActionRefused(
                    "VARDE-ALARM-0008",
                    state == AlarmState.DISPATCH_ACCEPTED
                            ? "the call-out is already accepted"
                            : "the alarm is " + state + ", not waiting for a call-out");
        }
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        AlarmState.DISPATCH_ACCEPTED,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        flags,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        escalationLevel,
                        dispatchDeadline,
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                Entry.by(worker, now, TimelineKind.DISPATCH_ACCEPTED, null, new TimelineDetail.None()),
                new AlarmDispatchAccepted(id, worker.name(), now));
    }

    public Transition declineCallout(Actor worker, @Nullable String text, Instant now) {
        requireCalloutState(TimelineKind.DISPATCH_DECLINED, AlarmState.DISPATCHED);
        return change(
                bumped(),
                Entry.by(worker, now, TimelineKind.DISPATCH_DECLINED, text, new TimelineDetail.None()),
                new AlarmCalloutDeclined(id, worker.name(), now));
    }

    public Transition arrive(Actor worker, @Nullable String text, Instant now) {
        requireCalloutState(TimelineKind.ARRIVED, AlarmState.DISPATCH_ACCEPTED);
        return change(
                bumped(),
                Entry.by(worker, now, TimelineKind.ARRIVED, text, new TimelineDetail.None()),
                new AlarmCalloutArrived(id, worker.name(), now));
    }

    public Transition completeCallout(Actor worker, @Nullable String text, Instant now) {
        requireCalloutState(TimelineKind.DISPATCH_DONE, AlarmState.DISPATCH_ACCEPTED);
        return change(
                bumped(),
                Entry.by(worker, now, TimelineKind.DISPATCH_DONE, text, new TimelineDetail.None()),
                new AlarmCalloutDone(id, worker.name(), now));
    }

    // ---- deadlines ----------------------------------------------------------------------------------------

    /**
     * Not claimed within its deadline: overdue, once. The alarm is flagged and its timeline says so; the priority
     * (the alarm type's) and the original claim deadline stay as they are, so a fresh alarm of a more severe type
     * still goes above a backlog, and the time overdue keeps counting from the type's deadline. The call-out
     * chain counts its own steps ({@link #markCalloutOverdue}).
     */
    public Transition markOverdue(Instant now) {
        if (state != AlarmState.RECEIVED || claimDeadline.isAfter(now)) {
            throw new AlarmActionRefused("VARDE-ALARM-0013", "the alarm is not overdue for a claim");
        }
        if (flags.contains(AlarmFlag.ESCALATED)) {
            throw new AlarmActionRefused("VARDE-ALARM-0013", "the alarm is already overdue (escalation happens once)");
        }
        int level = escalationLevel + 1;
        Set<AlarmFlag> escalated = EnumSet.copyOf(flags);
        escalated.add(AlarmFlag.ESCALATED);
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        state,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        escalated,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        level,
                        dispatchDeadline,
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                new Entry(
                        now,
                        TimelineKind.ESCALATED,
                        "system",
                        null,
                        "Ikke tatt innen fristen",
                        new TimelineDetail.Escalation(level, "CLAIM_DEADLINE")),
                new AlarmEscalated(id, level, now));
    }

    /** A call-out not accepted in time: overdue, the dispatch module notifies the next contact. */
    public Transition markCalloutOverdue(Duration acceptWithin, Instant now) {
        if (state != AlarmState.DISPATCHED || dispatchDeadline == null || dispatchDeadline.isAfter(now)) {
            throw new AlarmActionRefused("VARDE-ALARM-0013", "the call-out is not overdue");
        }
        int level = escalationLevel + 1;
        Set<AlarmFlag> overdue = EnumSet.copyOf(flags);
        overdue.add(AlarmFlag.DISPATCH_OVERDUE);
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        state,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        overdue,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        level,
                        now.plus(acceptWithin),
                        outcome,
                        closedAt,
                        version + 1,
                        timeline),
                new Entry(
                        now,
                        TimelineKind.ESCALATED,
                        "system",
                        null,
                        "Utrykningen er ikke akseptert innen fristen; neste kontakt varsles",
                        new TimelineDetail.Escalation(level, "DISPATCH_NOT_ACCEPTED")),
                new AlarmDispatchOverdue(id, kommunenummer, level, now));
    }

    // ---- rules --------------------------------------------------------------------------------------------

    /**
     * Home care is notified or on the way: dispatched or accepted, and the worker has not reported the call-out
     * done since the last dispatch. Needs the timeline loaded.
     */
    public boolean hasActiveCallout() {
        if (state != AlarmState.DISPATCHED && state != AlarmState.DISPATCH_ACCEPTED) {
            return false;
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineKind kind = timeline.get(i).kind();
            if (kind == TimelineKind.DISPATCH_DONE) {
                return false;
            }
            if (kind == TimelineKind.DISPATCHED) {
                return true;
            }
        }
        return true;
    }

    private void requireHolder(Actor operator, Set<AlarmState> allowed) {
        if (state == AlarmState.RECEIVED) {
            throw new AlarmActionRefused("VARDE-ALARM-0003", "claim the alarm first");
        }
        if (!operator.name().equals(claimedBy)) {
            throw new AlarmActionRefused("VARDE-ALARM-0002", "the alarm is being handled by " + claimedBy);
        }
        if (!allowed.contains(state)) {
            throw new AlarmActionRefused("VARDE-ALARM-0004", "not possible while the alarm is " + state);
        }
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new AlarmActionRefused("VARDE-ALARM-0004", "not possible while the alarm is " + state);
        }
    }

    private void requireCalloutState(TimelineKind step, AlarmState allowed) {
        if (state != allowed) {
            throw new AlarmActionRefused("VARDE-ALARM-0009", step + " is not possible while the alarm is " + state);
        }
    }

    private static boolean verbalContact(TimelineEntry entry) {
        return entry.detail() instanceof TimelineDetail.Call call && call.verbalContact();
    }

    private Transition closed(Actor actor, TimelineKind kind, Outcome outcome, @Nullable String text, Instant now) {
        return change(
                new Alarm(
                        id,
                        category,
                        source,
                        sourceCode,
                        vkpAlertCode,
                        title,
                        priority,
                        AlarmState.CLOSED,
                        kommunenummer,
                        residentId,
                        deviceId,
                        deviceLabel,
                        flags,
                        repeatOf,
                        occurredAt,
                        receivedAt,
                        claimDeadline,
                        claimedBy,
                        claimedAt,
                        escalationLevel,
                        dispatchDeadline,
                        outcome,
                        now,
                        version + 1,
                        timeline),
                Entry.by(actor, now, kind, text, new TimelineDetail.Closure(outcome)),
                new AlarmClosed(id, outcome, actor.name(), now));
    }

    private Alarm with(AlarmState newState, @Nullable String holder, @Nullable Instant heldSince) {
        return new Alarm(
                id,
                category,
                source,
                sourceCode,
                vkpAlertCode,
                title,
                priority,
                newState,
                kommunenummer,
                residentId,
                deviceId,
                deviceLabel,
                flags,
                repeatOf,
                occurredAt,
                receivedAt,
                claimDeadline,
                holder,
                heldSince,
                escalationLevel,
                dispatchDeadline,
                outcome,
                closedAt,
                version + 1,
                timeline);
    }

    private Alarm bumped() {
        return with(state, claimedBy, claimedAt);
    }

    private static Transition change(Alarm after, Entry entry, AlarmEvents.AlarmEvent event) {
        return new Transition(after, List.of(entry), event);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
