package no.varde.alarm;

/** ALARM needs a human; TECHNICAL concerns the device; INFO is logged only (test, reset, heartbeat). */
public enum AlarmCategory {
    ALARM,
    TECHNICAL,
    INFO
}
