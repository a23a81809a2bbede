package no.varde.alarm;

/** The result of a call the operator logged. Only VERBAL_CONTACT allows closing as resolved by phone. */
public enum CallResult {
    VERBAL_CONTACT,
    NO_ANSWER,
    NO_VERBAL_CONTACT,
    BUSY,
    LINE_FAILED
}
