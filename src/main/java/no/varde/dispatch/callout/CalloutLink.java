package no.varde.dispatch.callout;

import java.time.Instant;
import java.util.UUID;
import no.varde.dispatch.CalloutId;
import org.jspecify.annotations.Nullable;

/** A signed link handed to one contact, and what that contact did with it. */
public record CalloutLink(
        UUID tokenId,
        CalloutId calloutId,
        int position,
        LinkReason reason,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant openedAt,
        @Nullable Instant declinedAt,
        @Nullable String declineReason) {

    public enum LinkReason {
        FIRST,
        DECLINED,
        ESCALATED,
        CHAIN_RESTARTED
    }
}
