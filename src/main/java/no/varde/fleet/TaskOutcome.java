package no.varde.fleet;

/** What the technician did to finish a task. */
public enum TaskOutcome {
    BATTERY_CHANGED,
    DEVICE_SWAPPED,
    REPAIRED,
    NO_FAULT_FOUND,
    OTHER
}
