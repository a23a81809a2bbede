package no.varde.fleet;

/** What a technical-alarm rule does with an alarm of its code and device type. */
public enum RuleKind {
    /** Waits for the clearing event (see the alarm types' "clears" relation) up to the rule's wait; closes if it comes. */
    WAIT_FOR_RESTORE,
    /** Closes the alarm whenever its clearing event comes. */
    AUTO_CLOSE,
    /** A safety risk: raises an ALARM-category alarm to the operator queue at once. */
    RAISE_TO_OPERATOR,
    /** Hands the alarm to a technician task due within the rule's time and closes it by rule. */
    TECHNICIAN_TASK,
    /**
     * A condition over devices, not an alarm: a personal trigger (a device supervised through its base unit) of the
     * rule's type not heard for the rule's wait is raised to the operator queue as a safety risk, once per silence.
     */
    RAISE_WHEN_SILENT
}
