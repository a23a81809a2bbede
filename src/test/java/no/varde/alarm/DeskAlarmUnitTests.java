package no.varde.alarm;

import static no.varde.alarm.AlarmFixtures.OLA;
import static no.varde.alarm.AlarmFixtures.SUPERVISOR;
import static no.varde.alarm.AlarmFixtures.T0;
import static no.varde.alarm.AlarmFixtures.WORKER;
import static no.varde.alarm.AlarmFixtures.claimedAlarm;
import static no.varde.alarm.AlarmFixtures.dispatchedAlarm;
import static no.varde.alarm.AlarmFixtures.withEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The desk's rules on the aggregate (issue 11), without a database: call-outs on closing, the supervisor's moves. */
class DeskAlarmUnitTests {

    @Test
    void closingWhileACalloutIsActiveNeedsTheConfirmationUnlessTheCalloutWasCompleted() {
        Alarm dispatched = withDispatchEntry();
        assertThat(dispatched.hasActiveCallout()).isTrue();
        assertThatThrownBy(() -> dispatched.close(OLA, Outcome.FALSE_ALARM, null, T0))
                .isInstanceOf(CalloutActiveRefusal.class)
                .hasMessageContaining("VARDE-ALARM-0014")
                .hasMessageContaining("confirmCalloutCancel");
        assertThat(dispatched
                        .close(OLA, Outcome.FALSE_ALARM, null, true, T0)
                        .alarm()
                        .state())
                .isEqualTo(AlarmState.CLOSED);

        Alarm accepted = withEntry(dispatched, dispatched.acceptCallout(WORKER, T0.plusSeconds(60)));
        assertThat(accepted.hasActiveCallout()).isTrue();
        assertThatThrownBy(() -> accepted.close(OLA, Outcome.OTHER, null, T0)).isInstanceOf(CalloutActiveRefusal.class);
        assertThat(accepted.close(OLA, Outcome.CALLOUT_COMPLETED, null, T0)
                        .alarm()
                        .state())
                .as("'call-out completed' says the worker was there: nothing to cancel")
                .isEqualTo(AlarmState.CLOSED);

        Alarm done = withEntry(accepted, accepted.completeCallout(WORKER, null, T0.plusSeconds(600)));
        assertThat(done.hasActiveCallout()).isFalse();
        assertThat(done.close(OLA, Outcome.OTHER, null, T0).alarm().state()).isEqualTo(AlarmState.CLOSED);
        assertThat(claimedAlarm().hasActiveCallout()).isFalse();
    }

    @Test
    void theRefusalIsItsOwnProblemTypeWithItsCodeAndTheConfirmingField() {
        CalloutActiveRefusal refusal = new CalloutActiveRefusal(AlarmState.DISPATCH_ACCEPTED);
        assertThat(refusal.problemType()).isEqualTo("callout-active");
        assertThat(refusal.problemProperties())
                .containsEntry("code", "VARDE-ALARM-0014")
                .containsEntry("confirmField", "confirmCalloutCancel")
                .containsEntry("calloutState", "DISPATCH_ACCEPTED");
    }

    @Test
    void aSupervisorReleasesAnAlarmInProgressWithTheReasonButNotADispatchedOne() {
        Transition released = claimedAlarm().releaseAsSupervisor(SUPERVISOR, "operatøren gikk hjem", T0);
        assertThat(released.alarm().state()).isEqualTo(AlarmState.RECEIVED);
        assertThat(released.alarm().claimedBy()).isNull();
        assertThat(released.entries().getFirst().kind()).isEqualTo(TimelineKind.RELEASED);
        assertThat(released.entries().getFirst().actor()).isEqualTo("vaktleder");
        assertThat(released.entries().getFirst().text()).isEqualTo("operatøren gikk hjem");
        assertThatThrownBy(() -> dispatchedAlarm().releaseAsSupervisor(SUPERVISOR, "x", T0))
                .isInstanceOf(AlarmActionRefused.class)
                .hasMessageContaining("VARDE-ALARM-0013");
    }

    @Test
    void aReassignmentKeepsTheSupervisorsReason() {
        Transition reassigned = claimedAlarm().reassign(SUPERVISOR, "kari", "pause", T0);
        assertThat(reassigned.entries().getFirst().text()).isEqualTo("pause");
        assertThat(reassigned.entries().getFirst().detail()).isEqualTo(new TimelineDetail.Reassignment("ola", "kari"));
    }

    private static Alarm withDispatchEntry() {
        Alarm claimed = claimedAlarm();
        return withEntry(claimed, claimed.dispatch(OLA, null, AlarmFixtures.ACCEPT, T0.plusSeconds(30)));
    }
}
