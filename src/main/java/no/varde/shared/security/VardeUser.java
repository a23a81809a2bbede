package no.varde.shared.security;

import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as Varde sees them, whatever the login method.
 *
 * @param kommunenummer the municipality a HOME_CARE or MUNICIPAL_ADMIN user is bound to
 * @param responseCentreId the response centre an OPERATOR or SUPERVISOR works in
 */
public record VardeUser(
        UUID id,
        String username,
        String displayName,
        Role role,
        @Nullable Kommunenummer kommunenummer,
        @Nullable UUID responseCentreId) {

    public boolean hasRole(Role candidate) {
        return role.includes(candidate);
    }
}
