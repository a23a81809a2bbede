package no.varde.alarm;

/** How an alarm was closed. */
public enum Outcome {
    RESOLVED_BY_PHONE,
    CALLOUT_COMPLETED,
    FALSE_ALARM,
    HANDED_TO_113,
    TECHNICAL_HANDLED,
    OTHER
}
