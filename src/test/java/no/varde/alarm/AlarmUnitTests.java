package no.varde.alarm;

import static no.varde.alarm.AlarmFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;
import no.varde.shared.Username;
import org.junit.jupiter.api.Test;

/**
 * The alarm's state table and safety rules, without a database: every transition and every refusal. Alarms in a
 * given state come from {@link AlarmFixtures}, built through the transitions themselves.
 */
class AlarmUnitTests {

    // ---- receive ------------------------------------------------------------------------------------------

    @Test
    void aReceivedAlarmWaitsInTheQueueWithItsTypesPriorityAndDeadline() {
        Transition t = received("BUTTON_PRESSED", AlarmCategory.ALARM, 2, true, true, null);
        assertThat(t.alarm().state()).isEqualTo(AlarmState.RECEIVED);
        assertThat(t.alarm().priority()).isEqualTo(Priority.of(2));
        assertThat(t.alarm().claimDeadline()).isEqualTo(T0.plusSeconds(60));
        assertThat(t.alarm().flags()).isEmpty();
        assertThat(t.entries()).extracting(Transition.Entry::kind).containsExactly(TimelineKind.RECEIVED);
        assertThat(t.event()).isEqualTo(new AlarmReceived(t.alarm().id(), AlarmCategory.ALARM, Priority.of(2), T0));
    }

    @Test
    void aRepeatWithinTheWindowIsLinkedAndRaisedOneLevelButNeverAbovePriorityOne() {
        AlarmId first = AlarmId.random();
        Transition repeat = received("BUTTON_PRESSED", AlarmCategory.ALARM, 2, true, true, first);
        assertThat(repeat.alarm().priority()).isEqualTo(Priority.of(1));
        assertThat(repeat.alarm().flags()).containsExactly(AlarmFlag.REPEAT);
        assertThat(repeat.alarm().repeatOf()).isEqualTo(first);
        assertThat(repeat.entries())
                .extracting(Transition.Entry::kind)
                .containsExactly(TimelineKind.RECEIVED, TimelineKind.REPEAT_RECEIVED);
        assertThat(received("FIRE", AlarmCategory.ALARM, 1, true, true, first)
                        .alarm()
                        .priority())
                .isEqualTo(Priority.of(1));
    }

    @Test
    void unknownDevicesUnassignedDevicesAndUnknownCodesAreFlaggedNeverDropped() {
        assertThat(received("X", AlarmCategory.ALARM, 2, false, false, null)
                        .alarm()
                        .flags())
                .containsExactlyInAnyOrder(AlarmFlag.UNKNOWN_DEVICE, AlarmFlag.UNKNOWN_EVENT_CODE);
        Transition unassigned = Alarm.receive(
                AlarmId.random(),
                type("FALL", AlarmCategory.ALARM, 1, true),
                new Alarm.Origin(new Kommunenummer("1813"), null, new DeviceId(UUID.randomUUID()), "dev", true),
                null,
                Duration.ofMinutes(30),
                new TimelineDetail.DeviceReport(Map.of()),
                T0,
                T0);
        assertThat(unassigned.alarm().flags()).containsExactly(AlarmFlag.NO_RESIDENT);
        assertThat(unassigned.alarm().state()).isEqualTo(AlarmState.RECEIVED);
    }

    @Test
    void informationIsLoggedAndClosedAtOnce() {
        Transition info = received("RESET", AlarmCategory.INFO, 5, true, true, null);
        assertThat(info.alarm().state()).isEqualTo(AlarmState.CLOSED);
        assertThat(info.alarm().outcome()).isEqualTo(Outcome.OTHER);
        assertThat(info.entries())
                .extracting(Transition.Entry::kind)
                .containsExactly(TimelineKind.RECEIVED, TimelineKind.CLOSED);
    }

    // ---- operator -----------------------------------------------------------------------------------------

    @Test
    void oneOperatorClaimsAndASecondIsToldWhoHasIt() {
        Alarm alarm = receivedAlarm();
        Transition claimed = alarm.claim(OLA, T0.plusSeconds(5));
        assertThat(claimed.alarm().state()).isEqualTo(AlarmState.IN_PROGRESS);
        assertThat(claimed.alarm().claimedBy()).isEqualTo("ola");
        assertThat(claimed.event()).isEqualTo(new AlarmClaimed(alarm.id(), Username.of("ola"), T0.plusSeconds(5)));
        assertThat(claimed.entries().getFirst().kind()).isEqualTo(TimelineKind.CLAIMED);
        refused(() -> claimed.alarm().claim(KARI, T0), "VARDE-ALARM-0002", "already being handled by ola");
    }

    @Test
    void aClosedAlarmCannotBeClaimed() {
        refused(() -> closedByPhone().claim(KARI, T0), "VARDE-ALARM-0002", "CLOSED");
    }

    @Test
    void releaseGivesTheAlarmBackWithItsAgeAndDeadline() {
        Alarm held = claimedAlarm();
        Transition released = held.release(OLA, "end of shift", T0.plusSeconds(20));
        assertThat(released.alarm().state()).isEqualTo(AlarmState.RECEIVED);
        assertThat(released.alarm().claimedBy()).isNull();
        assertThat(released.alarm().receivedAt()).isEqualTo(held.receivedAt());
        assertThat(released.alarm().claimDeadline()).isEqualTo(held.claimDeadline());
        assertThat(released.event()).isInstanceOf(AlarmReleased.class);
        refused(() -> held.release(KARI, null, T0), "VARDE-ALARM-0002", "handled by ola");
        refused(() -> receivedAlarm().release(OLA, null, T0), "VARDE-ALARM-0003", "claim the alarm first");
        refused(() -> dispatchedAlarm().release(OLA, null, T0), "VARDE-ALARM-0004", "DISPATCHED");
    }

    @Test
    void aSupervisorReassignsAnAlarmBeingHandled() {
        Transition reassigned = claimedAlarm().reassign(SUPERVISOR, "kari", T0.plusSeconds(30));
        assertThat(reassigned.alarm().claimedBy()).isEqualTo("kari");
        assertThat(reassigned.alarm().state()).isEqualTo(AlarmState.IN_PROGRESS);
        assertThat(reassigned.event())
                .isEqualTo(new AlarmReassigned(
                        reassigned.alarm().id(),
                        Username.of("ola"),
                        Username.of("kari"),
                        "vaktleder",
                        T0.plusSeconds(30)));
        assertThat(reassigned.entries().getFirst().detail()).isEqualTo(new TimelineDetail.Reassignment("ola", "kari"));
        refused(() -> receivedAlarm().reassign(SUPERVISOR, "kari", T0), "VARDE-ALARM-0010", "RECEIVED");
        refused(() -> claimedAlarm().reassign(SUPERVISOR, "ola", T0), "VARDE-ALARM-0010", "already handled by ola");
    }

    @Test
    void onlyTheHolderLogsCallsNotesHandoversAndRelatives() {
        Alarm held = claimedAlarm();
        Transition call = held.logCall(OLA, " Resident ", "99999999", CallResult.NO_ANSWER, null, T0);
        assertThat(call.entries().getFirst().detail())
                .isEqualTo(new TimelineDetail.Call("Resident", "99999999", CallResult.NO_ANSWER));
        assertThat(call.event()).isInstanceOf(AlarmCallLogged.class);
        assertThat(held.note(OLA, TimelineKind.CAUSE, "fall", T0).event())
                .isEqualTo(new AlarmNoted(held.id(), TimelineKind.CAUSE, "ola", T0));
        assertThat(held.handTo113(OLA, null, T0).entries().getFirst().detail())
                .isEqualTo(new TimelineDetail.OtherActor("113 AMK"));
        assertThat(held.handTo113(OLA, null, T0).event()).isInstanceOf(AlarmHandedTo113.class);
        assertThat(held.notifyRelatives(OLA, "datter", null, T0).event()).isInstanceOf(AlarmRelativesNotified.class);
        refused(() -> held.logCall(KARI, "x", null, CallResult.BUSY, null, T0), "VARDE-ALARM-0002", "ola");
        refused(() -> held.note(KARI, TimelineKind.NOTE, "x", T0), "VARDE-ALARM-0002", "ola");
        refused(() -> receivedAlarm().handTo113(OLA, null, T0), "VARDE-ALARM-0003", "claim");
        refused(() -> closedByPhone().notifyRelatives(OLA, "x", null, T0), "VARDE-ALARM-0004", "CLOSED");
        assertThatThrownBy(() -> held.note(OLA, TimelineKind.CLAIMED, "x", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dispatchHandsTheAlarmToHomeCareWithAnAcceptDeadline() {
        Transition dispatched = claimedAlarm().dispatch(OLA, "Ingen svar", ACCEPT, T0.plusSeconds(40));
        assertThat(dispatched.alarm().state()).isEqualTo(AlarmState.DISPATCHED);
        assertThat(dispatched.alarm().dispatchDeadline())
                .isEqualTo(T0.plusSeconds(40).plus(ACCEPT));
        assertThat(dispatched.event()).isInstanceOf(AlarmDispatched.class);
        assertThat(((AlarmDispatched) dispatched.event()).kommunenummer()).isEqualTo(new Kommunenummer("1813"));
        refused(() -> dispatched.alarm().dispatch(OLA, null, ACCEPT, T0), "VARDE-ALARM-0004", "DISPATCHED");
        refused(() -> receivedAlarm().dispatch(OLA, null, ACCEPT, T0), "VARDE-ALARM-0003", "claim");
    }

    @Test
    void homeCareAcceptsArrivesAndCompletesOrDeclinesInTheRightStates() {
        Alarm dispatched = dispatchedAlarm();
        assertThat(dispatched.declineCallout(WORKER, "opptatt", T0).event()).isInstanceOf(AlarmCalloutDeclined.class);
        refused(() -> dispatched.arrive(WORKER, null, T0), "VARDE-ALARM-0009", "ARRIVED");
        refused(() -> dispatched.completeCallout(WORKER, null, T0), "VARDE-ALARM-0009", "DISPATCH_DONE");
        Transition accepted = dispatched.acceptCallout(WORKER, T0);
        assertThat(accepted.alarm().state()).isEqualTo(AlarmState.DISPATCH_ACCEPTED);
        assertThat(accepted.event()).isEqualTo(new AlarmDispatchAccepted(dispatched.id(), WORKER.name(), T0));
        Alarm underway = accepted.alarm();
        refused(() -> underway.acceptCallout(WORKER, T0), "VARDE-ALARM-0008", "already accepted");
        refused(() -> claimedAlarm().acceptCallout(WORKER, T0), "VARDE-ALARM-0008", "not waiting for a call-out");
        refused(() -> underway.declineCallout(WORKER, null, T0), "VARDE-ALARM-0009", "DISPATCH_DECLINED");
        assertThat(underway.arrive(WORKER, null, T0).event()).isInstanceOf(AlarmCalloutArrived.class);
        assertThat(underway.completeCallout(WORKER, null, T0).event()).isInstanceOf(AlarmCalloutDone.class);
    }

    @Test
    void callOutNotificationsAndProblemsAreRecordedByTheSystem() {
        Alarm dispatched = dispatchedAlarm();
        Transition notified = dispatched.calloutNotified("Sykepleier Berg", "SMS", T0);
        assertThat(notified.entries().getFirst().actor()).isEqualTo("system");
        assertThat(notified.event()).isInstanceOf(AlarmCalloutNotified.class);
        Transition problem = dispatched.calloutProblem("CALLOUT_CHAIN_EXHAUSTED", "Ingen aksepterte", Map.of(), T0);
        assertThat(problem.entries().getFirst().detail().toData()).containsEntry("reason", "CALLOUT_CHAIN_EXHAUSTED");
        assertThat(problem.event()).isInstanceOf(AlarmCalloutProblem.class);
    }

    @Test
    void theOperatorCanTakeACallOutBackFromHomeCare() {
        Alarm dispatched = dispatchedAlarm();
        Transition cancelled = dispatched.cancelCallout(OLA, "beboer ringte tilbake", T0);
        assertThat(cancelled.alarm().state()).isEqualTo(AlarmState.IN_PROGRESS);
        assertThat(cancelled.alarm().dispatchDeadline()).isNull();
        assertThat(cancelled.event()).isInstanceOf(AlarmCalloutCancelled.class);
        refused(() -> claimedAlarm().cancelCallout(OLA, null, T0), "VARDE-ALARM-0004", "IN_PROGRESS");
        refused(() -> dispatched.cancelCallout(KARI, null, T0), "VARDE-ALARM-0002", "ola");
    }

    // ---- close --------------------------------------------------------------------------------------------

    @Test
    void resolvedByPhoneNeedsACallWithVerbalContact() {
        Alarm held = claimedAlarm();
        refused(() -> held.close(OLA, Outcome.RESOLVED_BY_PHONE, null, T0), "VARDE-ALARM-0005", "verbal contact");
        Alarm noAnswer = withEntry(held, held.logCall(OLA, "x", null, CallResult.NO_ANSWER, null, T0));
        refused(() -> noAnswer.close(OLA, Outcome.RESOLVED_BY_PHONE, null, T0), "VARDE-ALARM-0005", "dispatch");
        Alarm talked = withEntry(held, held.logCall(OLA, "x", null, CallResult.VERBAL_CONTACT, null, T0));
        Transition closed = talked.close(OLA, Outcome.RESOLVED_BY_PHONE, "ok", T0.plusSeconds(90));
        assertThat(closed.alarm().state()).isEqualTo(AlarmState.CLOSED);
        assertThat(closed.alarm().closedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(closed.event())
                .isEqualTo(new AlarmClosed(held.id(), Outcome.RESOLVED_BY_PHONE, "ola", T0.plusSeconds(90)));
        assertThat(closed.entries().getFirst().detail())
                .isEqualTo(new TimelineDetail.Closure(Outcome.RESOLVED_BY_PHONE));
    }

    @Test
    void callOutCompletedNeedsAnAcceptedCallOutAnd113NeedsTheHandover() {
        refused(
                () -> dispatchedAlarm().close(OLA, Outcome.CALLOUT_COMPLETED, null, T0),
                "VARDE-ALARM-0006",
                "accepted");
        Alarm accepted = dispatchedAlarm().acceptCallout(WORKER, T0).alarm();
        assertThat(accepted.close(OLA, Outcome.CALLOUT_COMPLETED, null, T0)
                        .alarm()
                        .outcome())
                .isEqualTo(Outcome.CALLOUT_COMPLETED);
        Alarm held = claimedAlarm();
        refused(() -> held.close(OLA, Outcome.HANDED_TO_113, null, T0), "VARDE-ALARM-0007", "handover to 113");
        Alarm handed = withEntry(held, held.handTo113(OLA, null, T0));
        assertThat(handed.close(OLA, Outcome.HANDED_TO_113, null, T0).alarm().state())
                .isEqualTo(AlarmState.CLOSED);
        assertThat(held.close(OLA, Outcome.FALSE_ALARM, null, T0).alarm().state())
                .isEqualTo(AlarmState.CLOSED);
        refused(() -> held.close(KARI, Outcome.FALSE_ALARM, null, T0), "VARDE-ALARM-0002", "ola");
        refused(() -> receivedAlarm().close(OLA, Outcome.FALSE_ALARM, null, T0), "VARDE-ALARM-0003", "claim");
        refused(() -> closedByPhone().close(OLA, Outcome.OTHER, null, T0), "VARDE-ALARM-0004", "CLOSED");
    }

    @Test
    void aRuleClosesTechnicalAlarmsOnlyWithASystemActor() {
        Alarm battery = received("BATTERY_LOW", AlarmCategory.TECHNICAL, 4, true, true, null)
                .alarm();
        Transition closed =
                battery.closeByRule(Actor.system("fleet"), Outcome.TECHNICAL_HANDLED, "battery replaced", T0);
        assertThat(closed.alarm().state()).isEqualTo(AlarmState.CLOSED);
        assertThat(closed.entries().getFirst().actor()).isEqualTo("system:fleet");
        assertThat(closed.entries().getFirst().kind()).isEqualTo(TimelineKind.CLOSED_BY_RULE);
        refused(
                () -> receivedAlarm().closeByRule(Actor.system("fleet"), Outcome.OTHER, "x", T0),
                "VARDE-ALARM-0011",
                "ALARM");
        refused(
                () -> closed.alarm().closeByRule(Actor.system("fleet"), Outcome.OTHER, "x", T0),
                "VARDE-ALARM-0004",
                "CLOSED");
    }

    @Test
    void aSupervisorClosesStaleUnclaimedAlarmsInBulkButNeverOneSomeoneHolds() {
        Transition closed = receivedAlarm().closeInBulk(SUPERVISOR, "feilkonfigurert sender", T0);
        assertThat(closed.alarm().state()).isEqualTo(AlarmState.CLOSED);
        assertThat(closed.entries().getFirst().kind()).isEqualTo(TimelineKind.CLOSED_IN_BULK);
        assertThat(closed.entries().getFirst().text()).isEqualTo("feilkonfigurert sender");
        assertThat(closed.event()).isInstanceOf(AlarmClosed.class);
        refused(() -> claimedAlarm().closeInBulk(SUPERVISOR, "x", T0), "VARDE-ALARM-0012", "IN_PROGRESS");
    }

    // ---- deadlines ----------------------------------------------------------------------------------------

    @Test
    void anUnclaimedAlarmPastItsDeadlineIsOverdueOnceAndKeepsItsPriorityAndOriginalDeadline() {
        Alarm alarm = receivedAlarm();
        refused(() -> alarm.markOverdue(T0.plusSeconds(59)), "VARDE-ALARM-0013", "not overdue");
        Transition overdue = alarm.markOverdue(T0.plusSeconds(61));
        assertThat(overdue.alarm().priority()).isEqualTo(alarm.priority());
        assertThat(overdue.alarm().isOverdue()).isTrue();
        assertThat(overdue.alarm().escalationLevel()).isEqualTo(1);
        assertThat(overdue.alarm().claimDeadline())
                .as("the original claim deadline is kept: the time overdue counts from it")
                .isEqualTo(T0.plusSeconds(60));
        assertThat(overdue.event()).isEqualTo(new AlarmEscalated(alarm.id(), 1, T0.plusSeconds(61)));
        assertThat(overdue.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TimelineKind.ESCALATED));
        // issue 11: escalation happens once; no growing level, no second round, the priority never changes
        refused(() -> overdue.alarm().markOverdue(T0.plusSeconds(125)), "VARDE-ALARM-0013", "already overdue");
        refused(() -> overdue.alarm().markOverdue(T0.plusSeconds(3600)), "VARDE-ALARM-0013", "already overdue");
        refused(() -> claimedAlarm().markOverdue(T0.plusSeconds(600)), "VARDE-ALARM-0013", "not overdue");
    }

    @Test
    void aReleasedAlarmThatWasOverdueStaysOverdueWithoutASecondEscalation() {
        Alarm overdue = receivedAlarm().markOverdue(T0.plusSeconds(61)).alarm();
        Alarm released = overdue.claim(OLA, T0.plusSeconds(70))
                .alarm()
                .release(OLA, null, T0.plusSeconds(80))
                .alarm();
        assertThat(released.isOverdue()).isTrue();
        assertThat(released.claimDeadline()).isEqualTo(T0.plusSeconds(60));
        refused(() -> released.markOverdue(T0.plusSeconds(200)), "VARDE-ALARM-0013", "already overdue");
    }

    @Test
    void aCallOutNotAcceptedInTimeIsOverdueForTheNextContact() {
        Alarm dispatched = dispatchedAlarm();
        refused(() -> dispatched.markCalloutOverdue(ACCEPT, T0.plusSeconds(60)), "VARDE-ALARM-0013", "not overdue");
        Instant late = dispatched.dispatchDeadline().plusSeconds(1);
        Transition overdue = dispatched.markCalloutOverdue(ACCEPT, late);
        assertThat(overdue.alarm().flags()).contains(AlarmFlag.DISPATCH_OVERDUE);
        assertThat(overdue.alarm().dispatchDeadline()).isEqualTo(late.plus(ACCEPT));
        assertThat(overdue.event()).isInstanceOf(AlarmDispatchOverdue.class);
    }

    @Test
    void everyEventHasAName() {
        for (AlarmChangeKind kind : AlarmChangeKind.values()) {
            assertThat(kind.name()).isNotBlank();
        }
        assertThat(AlarmChangeKind.of(receivedAlarm().claim(OLA, T0).event())).isEqualTo(AlarmChangeKind.CLAIMED);
        assertThat(AlarmChangeKind.RECEIVED.isAlert()).isTrue();
        assertThat(AlarmChangeKind.CLAIMED.isAlert()).isFalse();
    }

    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String code, String reason) {
        assertThatThrownBy(action)
                .isInstanceOf(AlarmActionRefused.class)
                .hasMessageContaining(code)
                .hasMessageContaining(reason);
    }
}
