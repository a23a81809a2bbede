package no.varde.alarm;

/** How an alarm was closed. */
public enum Outcome {
    RESOLVED_BY_PHONE,
    CALLOUT_COMPLETED,
    FALSE_ALARM,
    HANDED_TO_113,
    TECHNICAL_HANDLED,
    /** The resident (or the caller) was told when home care's next planned visit is (from the EPJ's visit plan). */
    INFORMED_ABOUT_PLANNED_VISIT,
    OTHER
}
