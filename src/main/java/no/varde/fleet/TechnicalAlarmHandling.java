package no.varde.fleet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmEvents.TechnicalAlarmReceived;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.alarm.Outcome;
import no.varde.registry.DeviceId;
import no.varde.shared.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Technical alarms handled by rules, not people. Every alarm of a known device is the device reporting (its last
 * alarm); a clearing event (the alarm types' "clears" relation) closes the open alarms it clears when their rule
 * says so; a new technical alarm gets its rule's decision at once. Every decision is a timeline entry whose actor
 * is the rule ({@code system:fleet-rule:<id>v<version>:<kind>}). Human alarms are never touched: a rule closes
 * technical alarms only (the aggregate refuses anything else), and raising a safety risk adds an alarm for a person.
 */
@Component
class TechnicalAlarmHandling {

    private static final Logger log = LoggerFactory.getLogger(TechnicalAlarmHandling.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Oslo"));

    private final Alarms alarms;
    private final TechnicalRules rules;
    private final RuleDecisions decisions;
    private final DeviceSupervisions supervisions;
    private final TechnicianTasks tasks;
    private final MaintenanceWindows windows;
    private final Incidents incidents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TechnicalAlarmHandling(
            Alarms alarms,
            TechnicalRules rules,
            RuleDecisions decisions,
            DeviceSupervisions supervisions,
            TechnicianTasks tasks,
            MaintenanceWindows windows,
            Incidents incidents,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.windows = windows;
        this.alarms = alarms;
        this.rules = rules;
        this.decisions = decisions;
        this.supervisions = supervisions;
        this.tasks = tasks;
        this.incidents = incidents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TechnicalAlarmReceived event) {
        handle(event.alarmId());
    }

    void handle(AlarmId id) {
        Optional<Alarm> found = alarms.findHeaderForSystem(id);
        if (found.isEmpty() || found.get().deviceId() == null) {
            return; // an unknown device's alarm: no rule knows its type, and a person sees it flagged
        }
        Alarm alarm = found.get();
        DeviceId device = alarm.deviceId();
        decideFor(alarm, device);
    }

    private void decideFor(Alarm alarm, DeviceId device) {
        Optional<DeviceSupervisions.DeviceFacts> facts = supervisions.facts(device);
        if (facts.isEmpty()) {
            return;
        }
        if (incidents.absorb(alarm)) {
            return; // its device is in an open incident: closed by the incident rule, shown once with the incident
        }
        if (!rules.clearedBy(alarm.source(), alarm.sourceCode()).isEmpty()) {
            incidents.cleared(alarm);
        }
        for (String cleared : rules.clearedBy(alarm.source(), alarm.sourceCode())) {
            for (AlarmId open : decisions.openTechnical(device, alarm.source(), cleared)) {
                cleared(open, alarm, facts.get());
            }
        }
        if (alarm.category() == AlarmCategory.TECHNICAL && alarm.isOpen() && !windows.closeIfInWindow(alarm)) {
            rules.find(alarm.source(), alarm.sourceCode(), facts.get().type())
                    .ifPresent(rule -> decide(rule, alarm, facts.get()));
        }
    }

    /** A new technical alarm: the rule's decision, once. */
    private void decide(TechnicalRule rule, Alarm alarm, DeviceSupervisions.DeviceFacts device) {
        Instant now = clock.instant();
        List<String> clearing = rules.clearing(alarm.source(), alarm.sourceCode());
        String clearedBy =
                clearing.isEmpty() ? "(ingen kode er registrert som gjenoppretting)" : String.join(", ", clearing);
        switch (rule.kind()) {
            case WAIT_FOR_RESTORE -> {
                Instant until = alarm.receivedAt().plus(rule.waitFor());
                if (decisions.decide(alarm.id(), RuleDecisions.WAIT, rule, now, until)) {
                    note(
                            alarm.id(),
                            rule,
                            "Venter til " + TIME.format(until) + " på gjenoppretting (" + clearedBy
                                    + "): kommer den, lukkes alarmen av regelen; ellers følger operatøren opp",
                            "WAIT",
                            Map.of("waitUntil", until.toString()));
                }
            }
            case AUTO_CLOSE -> {
                if (decisions.decide(alarm.id(), RuleDecisions.AWAIT_CLEARING, rule, now, null)) {
                    note(
                            alarm.id(),
                            rule,
                            "Lukkes av regelen når enheten melder " + clearedBy,
                            "AWAIT_CLEARING",
                            Map.of());
                }
            }
            case RAISE_TO_OPERATOR -> {
                if (decisions.decide(alarm.id(), RuleDecisions.RAISED, rule, now, null)) {
                    raise(rule, alarm, device, now);
                }
            }
            case TECHNICIAN_TASK -> {
                if (decisions.decide(alarm.id(), RuleDecisions.TASK, rule, now, null)) {
                    Instant due = alarm.receivedAt().plus(rule.taskDue());
                    long task = tasks.create(device, alarm.id(), rule, alarm.title(), now, due);
                    alarms.closeByRule(
                            alarm.id(),
                            rule.actorName(),
                            Outcome.TECHNICAL_HANDLED,
                            rule.describe() + ": overlatt til teknikeroppgave #" + task + " med frist "
                                    + TIME.format(due));
                    decisions.settle(alarm.id(), now);
                }
            }
            case RAISE_WHEN_SILENT -> {
                // a condition the supervision pass evaluates over devices ({@link SilentTriggers}), not an alarm's
            }
        }
    }

    private void raise(TechnicalRule rule, Alarm alarm, DeviceSupervisions.DeviceFacts device, Instant now) {
        if (windows.covering(device.id(), alarm.receivedAt()).isPresent()) {
            return; // unreachable in practice: the window has closed the technical alarm before its rule decides
        }
        AlarmId raised = alarms.receive(new DeviceEvent(
                EventSource.FLEET,
                "fleet:safety-risk:" + alarm.id(),
                device.identity(),
                null,
                null,
                "SAFETY_RISK",
                "Sikkerhetsrisiko: " + alarm.title() + " – beboeren kan være uten virksom alarm",
                null,
                null,
                null,
                null,
                alarm.occurredAt(),
                now,
                Map.of("rule", rule.actorName(), "technicalAlarmId", alarm.id().toString())));
        decisions.raised(alarm.id(), raised);
        note(
                alarm.id(),
                rule,
                "Sikkerhetsrisiko: løftet til operatørkøen som alarm " + raised,
                "RAISED_TO_OPERATOR",
                Map.of("raisedAlarmId", raised.toString()));
        note(
                raised,
                rule,
                "Løftet av regelen fra teknisk alarm " + alarm.id() + " (" + alarm.title() + ")",
                "RAISED_FROM_TECHNICAL",
                Map.of("technicalAlarmId", alarm.id().toString()));
        log.warn(
                "VARDE-FLEET-0200: technical alarm {} raised to the operator as alarm {} by {}",
                alarm.id(),
                raised,
                rule.actorName());
    }

    /** A clearing event for an open technical alarm of the same device: closes it when its rule says so. */
    private void cleared(AlarmId openId, Alarm clearing, DeviceSupervisions.DeviceFacts device) {
        Optional<Alarm> found = alarms.findHeaderForSystem(openId);
        if (found.isEmpty() || !found.get().isOpen()) {
            return;
        }
        Alarm open = found.get();
        String what = clearing.title() + " (" + clearing.source() + " " + clearing.sourceCode() + ") mottatt "
                + TIME.format(clearing.receivedAt());
        Map<String, Object> data = Map.of("clearingAlarmId", clearing.id().toString());
        Optional<TechnicalRule> rule = rules.find(open.source(), open.sourceCode(), device.type());
        if (rule.isEmpty()) {
            alarms.recordDeviceNote(openId, "system:fleet", what + "; ingen regel lukker alarmen", data);
            return;
        }
        TechnicalRule r = rule.get();
        boolean close = switch (r.kind()) {
            case AUTO_CLOSE -> true;
            case WAIT_FOR_RESTORE ->
                !clearing.receivedAt().isAfter(open.receivedAt().plus(r.waitFor()));
            case RAISE_TO_OPERATOR, TECHNICIAN_TASK, RAISE_WHEN_SILENT -> false;
        };
        if (close) {
            alarms.closeByRule(openId, r.actorName(), Outcome.TECHNICAL_HANDLED, r.describe() + ": " + what);
            decisions.settle(openId, clock.instant());
        } else {
            note(
                    openId,
                    r,
                    what
                            + switch (r.kind()) {
                                case WAIT_FOR_RESTORE -> " etter regelens ventetid; operatøren følger opp";
                                case TECHNICIAN_TASK -> "; teknikeroppgaven gjelder fortsatt";
                                default -> "; sikkerhetsrisikoen er hos operatøren";
                            },
                    "CLEARING_NOTED",
                    data);
        }
    }

    /** Waits that ran out without the clearing event: the alarm is left to the operator, said on its timeline. */
    int endExpiredWaits(Instant now) {
        int ended = 0;
        int done;
        do {
            Integer chunk = transactions.execute(status -> {
                List<RuleDecisions.ExpiredWait> expired = decisions.lockExpiredWaits(now, Supervision.CHUNK);
                for (RuleDecisions.ExpiredWait wait : expired) {
                    Optional<Alarm> alarm = alarms.findHeaderForSystem(wait.alarm());
                    if (alarm.isPresent() && alarm.get().isOpen()) {
                        alarms.recordDeviceNote(
                                wait.alarm(),
                                "system:fleet-rule:" + wait.ruleId() + "v" + wait.ruleVersion() + ":WAIT_FOR_RESTORE",
                                "Ikke gjenopprettet innen " + TIME.format(wait.waitUntil())
                                        + ": regelen lukker ikke alarmen, operatøren følger opp",
                                Map.of(
                                        "rule",
                                        wait.ruleId(),
                                        "ruleVersion",
                                        wait.ruleVersion(),
                                        "decision",
                                        "WAIT_ENDED"));
                    }
                    decisions.settle(wait.alarm(), now);
                }
                return expired.size();
            });
            done = chunk == null ? 0 : chunk;
            ended += done;
        } while (done > 0);
        return ended;
    }

    private void note(AlarmId alarm, TechnicalRule rule, String text, String decision, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("rule", rule.id());
        data.put("ruleVersion", rule.version());
        data.put("ruleKind", rule.kind().name());
        data.put("decision", decision);
        alarms.recordDeviceNote(alarm, "system:" + rule.actorName(), rule.describe() + ": " + text, data);
    }
}
