package no.varde.benefits;

/** Where an indicator's measured values come from. */
public enum MeasurementSource {
    /** Entered by hand, with who and when. */
    MANUAL,
    /** Hours saved: technical alarms closed by rules (no person) × the minutes each used to take. */
    RULE_HOURS,
    /** Percent of alarms answered within the answer-time target. */
    ANSWER_SHARE
}
