package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStateUnitTests {

    @Test
    void onlyActiveTasksChangeAndOnlyATakenTaskCanBeDone() {
        assertThat(TaskState.OPEN.mayAssign()).isTrue();
        assertThat(TaskState.ASSIGNED.mayAssign()).isTrue();
        assertThat(TaskState.OPEN.mayComplete()).isFalse();
        assertThat(TaskState.ASSIGNED.mayComplete()).isTrue();
        assertThat(TaskState.OPEN.mayCancel()).isTrue();
        assertThat(TaskState.ASSIGNED.mayCancel()).isTrue();
        for (TaskState finished : new TaskState[] {TaskState.DONE, TaskState.CANCELLED}) {
            assertThat(finished.isActive()).isFalse();
            assertThat(finished.mayAssign()).isFalse();
            assertThat(finished.mayComplete()).isFalse();
            assertThat(finished.mayCancel()).isFalse();
        }
    }
}
