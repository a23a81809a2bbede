package no.varde.fleet;

/**
 * The life of a technician task: OPEN (nobody has it) → ASSIGNED (a technician has it) → DONE (with what was done and
 * a note) or CANCELLED (with a reason). DONE and CANCELLED are final.
 */
public enum TaskState {
    OPEN,
    ASSIGNED,
    DONE,
    CANCELLED;

    public boolean isActive() {
        return this == OPEN || this == ASSIGNED;
    }

    /** Whether the task may be given to a technician now (taken, or handed to another by an administrator). */
    boolean mayAssign() {
        return isActive();
    }

    /** Only a task someone has taken can be done: the one who did it is on record. */
    boolean mayComplete() {
        return this == ASSIGNED;
    }

    boolean mayCancel() {
        return isActive();
    }
}
