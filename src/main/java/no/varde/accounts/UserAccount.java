package no.varde.accounts;

import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;

/** A person who may sign in to Varde, locally with a password or through OpenID Connect. */
public record UserAccount(
        UUID id,
        String username,
        String displayName,
        @Nullable String passwordHash,
        @Nullable String oidcSubject,
        Role role,
        @Nullable Kommunenummer kommunenummer,
        @Nullable UUID responseCentreId,
        boolean enabled) {

    public UserAccount withEnabled(boolean enabled) {
        return new UserAccount(
                id, username, displayName, passwordHash, oidcSubject, role, kommunenummer, responseCentreId, enabled);
    }

    public UserAccount withPasswordHash(String passwordHash) {
        return new UserAccount(
                id, username, displayName, passwordHash, oidcSubject, role, kommunenummer, responseCentreId, enabled);
    }

    public UserAccount withOidcSubject(@Nullable String oidcSubject) {
        return new UserAccount(
                id, username, displayName, passwordHash, oidcSubject, role, kommunenummer, responseCentreId, enabled);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public VardeUser toVardeUser() {
        return new VardeUser(id, username, displayName, role, kommunenummer, responseCentreId);
    }
}
