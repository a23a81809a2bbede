package no.varde.dispatch.sms;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message's delivery status changed: handed to the gateway (SENT, or OUTBOX in development), reported delivered
 * by the gateway, or failed (retries used up, or the gateway reported that the phone could not be reached). Other
 * modules that queued a message follow it by its id.
 */
public record SmsStatusChanged(
        UUID messageId, SmsStatus status, @Nullable String reason, Instant at) {}
