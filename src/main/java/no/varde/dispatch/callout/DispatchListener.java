package no.varde.dispatch.callout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.varde.alarm.AlarmEvents.AlarmDispatchOverdue;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.CalloutTimeline;
import no.varde.dispatch.CalloutId;
import no.varde.dispatch.callout.CalloutLink.LinkReason;
import no.varde.registry.HomeCareTeam;
import no.varde.registry.HomeCareTeams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts a call-out when an operator dispatches, and moves down the chain when nobody accepted in time. Both run
 * after the alarm's transaction commits, in their own transaction; the event publication registry redelivers an
 * event whose handling failed, and a redelivered dispatch finds its call-out already there.
 */
@Component
class DispatchListener {

    private static final Logger log = LoggerFactory.getLogger(DispatchListener.class);

    private final Callouts callouts;
    private final CalloutNotifications notifications;
    private final HomeCareTeams teams;
    private final CalloutTimeline timeline;
    private final Clock clock;

    DispatchListener(
            Callouts callouts,
            CalloutNotifications notifications,
            HomeCareTeams teams,
            CalloutTimeline timeline,
            Clock clock) {
        this.callouts = callouts;
        this.notifications = notifications;
        this.teams = teams;
        this.timeline = timeline;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AlarmDispatched event) {
        // The operator may have closed the alarm or taken it back before this listener ran (it runs after the
        // dispatch's commit, later under load): then no worker is called out. The check holds the alarm row until
        // the call-out is written, so a close that comes after it waits and cancels the call-out it finds.
        if (!timeline.stillDispatched(event.alarmId())) {
            boolean redelivered = callouts.ofAlarm(event.alarmId()).stream()
                    .anyMatch(existing -> existing.dispatchedAt().equals(event.at()));
            log.info(
                    redelivered
                            ? "Call-out for alarm {} dispatched at {} exists already (event redelivered)"
                            : "No call-out for alarm {} dispatched at {}: closed or taken back before it was sent",
                    event.alarmId(),
                    event.at());
            return;
        }
        if (event.kommunenummer() == null) {
            timeline.recordProblem(
                    event.alarmId(),
                    "NO_TEAM",
                    "Ingen hjemmetjeneste er varslet: alarmen kommer fra en ukjent enhet uten kommune."
                            + " Varsle hjemmetjenesten på telefon.",
                    Map.of());
            return;
        }
        Optional<HomeCareTeam> team = teams.ofMunicipality(event.kommunenummer()).stream()
                .filter(candidate -> !candidate.calloutChain().isEmpty())
                .findFirst();
        if (team.isEmpty()) {
            timeline.recordProblem(
                    event.alarmId(),
                    "NO_TEAM",
                    "Ingen hjemmetjeneste er varslet: kommune "
                            + event.kommunenummer().value()
                            + " har ingen hjemmetjeneste med utrykningskjede. Varsle på telefon.",
                    Map.of("kommunenummer", event.kommunenummer().value()));
            return;
        }
        List<ChainContact> chain = team.get().calloutChain().stream()
                .map(c -> new ChainContact(c.position(), c.name(), c.roleTitle(), c.phone()))
                .toList();
        Instant now = clock.instant();
        Callout callout = new Callout(
                CalloutId.random(),
                event.alarmId(),
                event.at(),
                event.kommunenummer(),
                team.get().id(),
                team.get().name(),
                event.operator().value(),
                event.message(),
                chain.getFirst().position(),
                null,
                1,
                CalloutState.NOTIFIED,
                null,
                null,
                now,
                now,
                null,
                null,
                null);
        if (!callouts.insert(callout, chain)) {
            log.info(
                    "Call-out for alarm {} dispatched at {} exists already (event redelivered)",
                    event.alarmId(),
                    event.at());
            return;
        }
        notifications.notify(callout, chain.getFirst(), 1, LinkReason.FIRST, CalloutState.NOTIFIED);
    }

    @ApplicationModuleListener
    void on(AlarmDispatchOverdue event) {
        callouts.lockWaitingOf(event.alarmId())
                .ifPresentOrElse(
                        callout -> notifications.notifyNext(callout, LinkReason.ESCALATED, CalloutState.ESCALATED),
                        () -> log.info(
                                "Alarm {} is overdue for acceptance but has no waiting call-out", event.alarmId()));
    }
}
