package no.varde.dispatch.sms;

/**
 * Where an outgoing message is: waiting (or waiting to be retried), sent (the gateway took it), held in the outbox,
 * delivered to the phone (the gateway's delivery report said so), or given up (by us, or by the gateway's report).
 */
public enum SmsStatus {
    PENDING,
    SENT,
    OUTBOX,
    DELIVERED,
    FAILED
}
