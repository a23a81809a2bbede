package no.varde.circle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.RelativesTimeline;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.registry.AccessScopes;
import no.varde.registry.Relative;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies a resident's relatives by SMS from an alarm. The rules live here and nowhere else: never a message to a
 * relative without an active recorded consent (checked under lock in the transaction that queues it, also for
 * each step of an escalation); only the template's text plus, where the template allows it, short free text; a
 * warning that must be acknowledged when a relative is inside the resident's "do not contact" window.
 */
@Service
public class RelativeNotifications {

    private static final Logger log = LoggerFactory.getLogger(RelativeNotifications.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final Alarms alarms;
    private final Residents residents;
    private final AccessScopes scopes;
    private final Consents consents;
    private final ContactWindows windows;
    private final SmsTemplates templates;
    private final RelativeRounds rounds;
    private final SmsDelivery sms;
    private final RelativesTimeline timeline;
    private final RelativeLinks links;
    private final DispatchProperties dispatch;
    private final CircleProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    RelativeNotifications(
            Alarms alarms,
            Residents residents,
            AccessScopes scopes,
            Consents consents,
            ContactWindows windows,
            SmsTemplates templates,
            RelativeRounds rounds,
            SmsDelivery sms,
            RelativesTimeline timeline,
            RelativeLinks links,
            DispatchProperties dispatch,
            CircleProperties properties,
            AuditLog audit,
            Clock clock) {
        this.alarms = alarms;
        this.residents = residents;
        this.scopes = scopes;
        this.consents = consents;
        this.windows = windows;
        this.templates = templates;
        this.rounds = rounds;
        this.sms = sms;
        this.timeline = timeline;
        this.links = links;
        this.dispatch = dispatch;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the alarm page's relatives panel shows. */
    public record Panel(
            Alarm alarm,
            @Nullable Resident resident,
            List<CircleRelative> relatives,
            List<SmsTemplate> templates,
            List<RelativeRounds.Round> rounds,
            List<Duration> escalationChoices,
            boolean mayNotify) {}

    /**
     * The panel, which the alarm page loads with it and again on every re-render; reading the relatives is audited
     * as a read of the resident by the audit rule (one READ per user, resident and 10 minutes), not once per load.
     */
    @Transactional
    public Panel panel(VardeUser user, AlarmId id) {
        Alarm alarm = alarms.findVisible(user, id).orElseThrow(() -> new NotFoundException("alarm", id));
        boolean mine = user.username().equals(alarm.claimedBy()) && alarm.isOpen();
        if (alarm.residentId() == null) {
            return new Panel(alarm, null, List.of(), List.of(), List.of(), properties.escalationChoices(), false);
        }
        Resident resident = residents.getShown(
                scopes.forUser(user), alarm.residentId(), "alarm " + id + ": relatives and SMS consent");
        return new Panel(
                alarm,
                resident,
                relatives(resident),
                templates.all(),
                rounds.ofAlarm(id),
                properties.escalationChoices(),
                mine && !resident.relatives().isEmpty());
    }

    /** The messages sent from the alarm and their status, for the panel's polling (audited as a shown row). */
    @Transactional
    public List<RelativeRounds.Round> rounds(VardeUser user, AlarmId id) {
        Alarm alarm = alarms.findVisible(user, id).orElseThrow(() -> new NotFoundException("alarm", id));
        if (alarm.residentId() != null && alarm.kommunenummer() != null) {
            audit.residentsShown(
                    Map.of(alarm.residentId().value(), alarm.kommunenummer()),
                    "alarm " + id + ": status of SMS to relatives");
        }
        return rounds.ofAlarm(id);
    }

    /** The resident's relatives with consent and contact window (no audit of its own: the caller read the resident). */
    public List<CircleRelative> relatives(Resident resident) {
        Map<String, Consent> active = consents.active(resident.id());
        Map<String, ContactWindow> wishes = windows.of(resident.id());
        LocalTime now = LocalTime.now(clock.withZone(ZONE));
        List<CircleRelative> result = new ArrayList<>();
        for (Relative relative : resident.relatives()) {
            String phone = phoneKey(relative.phone());
            ContactWindow window = wishes.get(phone);
            result.add(new CircleRelative(
                    relative.priority(),
                    relative.name(),
                    relative.relation(),
                    phone,
                    active.get(phone),
                    window,
                    window != null && window.forbids(now)));
        }
        return result;
    }

    /**
     * Notifies the chosen relatives: all at once in priority order, or, with an escalation time, the first now and
     * the next when the one before has not confirmed in time. All or nothing: a relative without consent, an
     * unacknowledged contact window or bad input refuses the whole request and nothing is sent.
     */
    @Transactional
    public RelativeRounds.Round notify(VardeUser user, AlarmId id, NotifyCommand command) {
        Alarm alarm = alarms.get(user, id);
        if (!alarm.isOpen() || !user.username().equals(alarm.claimedBy())) {
            throw new CircleRefused(
                    "VARDE-CIRCLE-0001", "only the operator handling the open alarm may notify relatives");
        }
        if (alarm.residentId() == null) {
            throw new CircleRefused("VARDE-CIRCLE-0005", "the alarm has no resident, so there are no relatives");
        }
        Resident resident =
                residents.get(scopes.forUser(user), alarm.residentId(), "alarm " + id + ": relatives notified by SMS");
        SmsTemplate template = validate(command);
        List<CircleRelative> known = relatives(resident);
        List<CircleRelative> chosen = new ArrayList<>();
        for (int priority : command.priorities()) {
            chosen.add(known.stream()
                    .filter(r -> r.priority() == priority)
                    .findFirst()
                    .orElseThrow(() -> InvalidInputException.of(
                            "relatives", "the resident has no relative with priority " + priority)));
        }
        for (CircleRelative relative : chosen) {
            if (consents.activeLocked(resident.id(), relative.phone()).isEmpty()) {
                throw new CircleRefused(
                        "VARDE-CIRCLE-0002",
                        relative.name()
                                + " has no recorded consent to SMS; phone instead, or record the consent first");
            }
        }
        List<String> inWindow = chosen.stream()
                .filter(CircleRelative::windowNow)
                .map(CircleRelative::name)
                .toList();
        if (!inWindow.isEmpty() && !command.contactWindowAcknowledged()) {
            throw new CircleRefused(
                    "VARDE-CIRCLE-0003",
                    "the resident does not want " + String.join(", ", inWindow)
                            + " contacted at this time; confirm that you send anyway");
        }
        Instant now = clock.instant();
        UUID roundId = UUID.randomUUID();
        rounds.insertRound(
                roundId,
                id,
                resident.id(),
                template.code(),
                blankToNull(command.freeText()),
                command.askConfirmation(),
                command.escalateAfter(),
                user.username(),
                now);
        boolean oneByOne = command.escalateAfter() != null;
        List<UUID> messageIds = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            CircleRelative relative = chosen.get(i);
            UUID messageId = UUID.randomUUID();
            messageIds.add(messageId);
            rounds.insertMessage(
                    messageId,
                    roundId,
                    i + 1,
                    relative.name(),
                    relative.phone(),
                    oneByOne && i > 0 ? "WAITING" : "SENT");
        }
        for (int i = 0; i < chosen.size() && (i == 0 || !oneByOne); i++) {
            send(
                    alarm.id(),
                    resident,
                    template,
                    command.freeText(),
                    command.askConfirmation(),
                    messageIds.get(i),
                    chosen.get(i).name(),
                    chosen.get(i).phone(),
                    user.username(),
                    user.role().name(),
                    null);
        }
        if (!oneByOne) {
            rounds.roundState(roundId, "SENT");
        }
        return rounds.lockRound(roundId).orElseThrow();
    }

    private SmsTemplate validate(NotifyCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.priorities().isEmpty()) {
            problems.add(new FieldProblem("relatives", "choose at least one relative"));
        }
        Optional<SmsTemplate> template = templates.find(command.template() == null ? "" : command.template());
        if (template.isEmpty()) {
            problems.add(new FieldProblem("template", "unknown template '" + command.template() + "'"));
        }
        String free = blankToNull(command.freeText());
        if (free != null) {
            if (template.isPresent() && !template.get().allowFreeText()) {
                problems.add(new FieldProblem(
                        "freeText",
                        "the template '" + template.get().name()
                                + "' does not allow free text (it may carry no more than the template says)"));
            }
            if (free.length() > properties.freeTextMaxLength()) {
                problems.add(new FieldProblem("freeText", "at most " + properties.freeTextMaxLength() + " characters"));
            }
            if (free.matches(".*\\d{6}.*")) {
                problems.add(
                        new FieldProblem("freeText", "must not contain long numbers (national ids, phone numbers)"));
            }
        }
        if (command.escalateAfter() != null && !properties.escalationChoices().contains(command.escalateAfter())) {
            problems.add(new FieldProblem(
                    "escalateAfter", "must be one of " + properties.escalationChoices() + " or empty"));
        }
        if (command.escalateAfter() != null && !command.askConfirmation()) {
            problems.add(new FieldProblem(
                    "escalateAfter", "escalation needs a confirmation to wait for: ask the relative to confirm"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid notification of relatives", problems);
        }
        return template.orElseThrow();
    }

    private void send(
            AlarmId alarm,
            Resident resident,
            SmsTemplate template,
            @Nullable String freeText,
            boolean askConfirmation,
            UUID messageId,
            String name,
            String phone,
            String actor,
            @Nullable String actorRole,
            @Nullable String note) {
        if (consents.activeLocked(resident.id(), phone).isEmpty()) {
            throw new CircleRefused("VARDE-CIRCLE-0002", name + " has no recorded consent to SMS");
        }
        Instant now = clock.instant();
        String link = dispatch.baseUrl() + "/p/" + links.sign(messageId, now.plus(properties.linkValidity()));
        String text = template.render(name, resident.givenName(), blankToNull(freeText))
                + (askConfirmation ? " Bekreft at du har lest meldingen: " : " Svar eller reserver deg mot SMS: ")
                + link;
        UUID smsId = sms.queue(null, name, phone, text);
        rounds.sent(messageId, smsId, now);
        timeline.messageQueued(
                alarm,
                actor,
                actorRole,
                name,
                messageId.toString(),
                note == null ? template.name() : template.name() + " – " + note);
        audit.resident(
                AuditAction.CREATE,
                resident.id().value(),
                resident.kommunenummer(),
                "SMS to relative " + name + " (template " + template.code() + ") for alarm " + alarm);
    }

    /**
     * Moves every running escalation whose awaited relative has not confirmed in time to the next relative with
     * consent; after the last one the round is exhausted and the timeline says so. Rows are locked, so with several
     * nodes each round moves once.
     */
    @Transactional
    public int escalateDue() {
        return escalateDue(clock.instant());
    }

    /** As {@link #escalateDue()} at the given time (tests move time forward this way). */
    @Transactional
    public int escalateDue(Instant now) {
        int moved = 0;
        for (UUID roundId : rounds.dueForEscalation(now, 50)) {
            RelativeRounds.Round round = rounds.lockRound(roundId).orElseThrow();
            escalate(round, now);
            moved++;
        }
        return moved;
    }

    private void escalate(RelativeRounds.Round round, Instant now) {
        Alarm alarm = alarms.findForSystem(round.alarmId()).orElseThrow();
        RelativeRounds.Message awaited = round.messages().stream()
                .filter(m -> "SENT".equals(m.state()) && m.confirmedAt() == null)
                .reduce((first, second) -> second)
                .orElseThrow();
        rounds.markState(awaited.id(), "PASSED");
        long minutes = round.escalateAfter() == null ? 0 : round.escalateAfter().toMinutes();
        timeline.messageStatus(
                round.alarmId(),
                awaited.relativeName(),
                awaited.id().toString(),
                "UNCONFIRMED",
                "Ikke bekreftet innen " + minutes + " min");
        if (!alarm.isOpen()) {
            rounds.roundState(round.id(), "EXHAUSTED");
            return;
        }
        SmsTemplate template = templates.find(round.templateCode()).orElseThrow();
        Resident[] resident = new Resident[1];
        no.varde.shared.security.SystemUser.runAs(
                "circle-escalation",
                () -> resident[0] = residents.get(
                        no.varde.registry.AccessScope.all(),
                        round.residentId(),
                        "alarm " + round.alarmId() + ": escalation to the next relative"));
        for (RelativeRounds.Message next : round.messages()) {
            if (!"WAITING".equals(next.state())) {
                continue;
            }
            if (consents.activeLocked(round.residentId(), next.phone()).isEmpty()) {
                rounds.markState(next.id(), "NOT_SENT_NO_CONSENT");
                continue;
            }
            String note = "eskalert: " + awaited.relativeName() + " bekreftet ikke innen " + minutes + " min";
            no.varde.shared.security.SystemUser.runAs(
                    "circle-escalation",
                    () -> send(
                            round.alarmId(),
                            resident[0],
                            template,
                            round.freeText(),
                            round.askConfirmation(),
                            next.id(),
                            next.relativeName(),
                            next.phone(),
                            "system:circle-escalation",
                            null,
                            note));
            return;
        }
        rounds.roundState(round.id(), "EXHAUSTED");
        timeline.messageStatus(
                round.alarmId(),
                awaited.relativeName(),
                awaited.id().toString(),
                "EXHAUSTED",
                "Ingen av de valgte pårørende bekreftet; ring dem");
        log.info("Relatives' round {} of alarm {} exhausted without confirmation", round.id(), round.alarmId());
    }

    /** What the relative's link page shows: nothing about the resident's health, only what the message was. */
    public record LinkPage(
            UUID messageId, String relativeName, boolean askConfirmation, boolean confirmed, boolean consentActive) {}

    /** Resolves a relative's link: empty for forged tokens, {@link LinkExpired} for expired ones. */
    @Transactional(readOnly = true)
    public LinkPage linkPage(String token) {
        RelativeRounds.Message message = resolve(token);
        RelativeRounds.Round round = rounds.lockRoundForRead(message.roundId());
        boolean consent = consents.active(round.residentId()).containsKey(message.phone());
        return new LinkPage(
                message.id(), message.relativeName(), round.askConfirmation(), message.confirmedAt() != null, consent);
    }

    /** The relative confirms that they got the message: a timeline entry (once; a second tap changes nothing). */
    @Transactional
    public void confirm(String token) {
        RelativeRounds.Message message = resolve(token);
        RelativeRounds.Round round = rounds.lockRound(message.roundId()).orElseThrow();
        if (!round.askConfirmation()) {
            throw new CircleRefused("VARDE-CIRCLE-0006", "this message did not ask for a confirmation");
        }
        if (rounds.confirm(message.id(), clock.instant())) {
            timeline.confirmed(
                    round.alarmId(), message.relativeName(), message.id().toString());
            if ("RUNNING".equals(round.state())) {
                rounds.roundState(round.id(), "CONFIRMED");
            }
        }
    }

    /** The relative withdraws their consent to SMS through the link in a message. */
    @Transactional
    public void withdrawByLink(String token) {
        RelativeRounds.Message message = resolve(token);
        RelativeRounds.Round round = rounds.lockRound(message.roundId()).orElseThrow();
        String by = "relative:" + message.relativeName();
        if (consents.withdraw(round.residentId(), message.phone(), by, "RELATIVE_LINK", clock.instant())) {
            no.varde.shared.security.SystemUser.runAs("relative-link:" + message.relativeName(), () -> {
                Resident resident = residents.get(
                        no.varde.registry.AccessScope.all(),
                        round.residentId(),
                        "SMS consent withdrawn by the relative " + message.relativeName() + " through the link");
                audit.resident(
                        AuditAction.UPDATE,
                        resident.id().value(),
                        resident.kommunenummer(),
                        "SMS consent of " + message.relativeName() + " withdrawn by the relative (link in SMS)");
            });
        }
    }

    private RelativeRounds.Message resolve(String token) {
        RelativeLinks.Claims claims = links.check(token).orElseThrow(LinkInvalid::new);
        RelativeRounds.Message message = rounds.message(claims.messageId()).orElseThrow(LinkInvalid::new);
        if (claims.expiry().isBefore(clock.instant())) {
            throw new LinkExpired();
        }
        return message;
    }

    /** A link that was never issued, or was tampered with: 403, nothing shown. */
    public static class LinkInvalid extends RuntimeException {
        LinkInvalid() {
            super("VARDE-CIRCLE-0020: the link is not valid");
        }
    }

    /** A genuine link past its validity: 410. */
    public static class LinkExpired extends RuntimeException {
        LinkExpired() {
            super("VARDE-CIRCLE-0021: the link has expired");
        }
    }

    static String phoneKey(String phone) {
        return phone.replace(" ", "");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static NotFoundException noResident(ResidentId id) {
        return new NotFoundException("resident", id);
    }
}
