package no.varde.dispatch.link;

import java.time.Instant;
import java.util.UUID;
import no.varde.dispatch.CalloutId;

/**
 * What a call-out link grants: the holder is contact {@code position} of call-out {@code calloutId} until
 * {@code expiresAt}. {@code tokenId} names this one link so it can be looked up and refused.
 */
public record LinkClaims(UUID tokenId, CalloutId calloutId, int position, Instant expiresAt) {

    public LinkClaims {
        if (position < 1 || position > 255) {
            throw new IllegalArgumentException("contact position must be 1..255, was " + position);
        }
    }
}
