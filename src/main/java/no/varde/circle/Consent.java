package no.varde.circle;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A relative's consent to SMS, with who recorded it and when, and who withdrew it, when and how. */
public record Consent(
        UUID id,
        String phone,
        String relativeName,
        String grantedBy,
        Instant grantedAt,
        @Nullable String withdrawnBy,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawnVia) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
