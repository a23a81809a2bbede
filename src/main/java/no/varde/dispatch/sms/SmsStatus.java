package no.varde.dispatch.sms;

/** Where an outgoing message is: waiting (or waiting to be retried), sent, held in the outbox, or given up. */
public enum SmsStatus {
    PENDING,
    SENT,
    OUTBOX,
    FAILED
}
