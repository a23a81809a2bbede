package no.varde.dispatch.sms;

import java.time.Instant;
import java.util.UUID;
import no.varde.dispatch.CalloutId;
import org.jspecify.annotations.Nullable;

/** One outgoing message as stored, whatever became of it. */
public record SmsMessage(
        UUID id,
        @Nullable CalloutId calloutId,
        String recipientName,
        String recipient,
        String text,
        String gateway,
        SmsStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant failedAt,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {}
