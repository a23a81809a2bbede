package no.varde.accounts;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;

/**
 * A person who may sign in to Varde, locally with a password or through OpenID Connect.
 *
 * @param kommunenummer the municipality a municipal role is bound to (a technician's first one)
 * @param kommuner every municipality the account is bound to; more than {@code kommunenummer} only for a technician
 */
public record UserAccount(
        UUID id,
        String username,
        String displayName,
        @Nullable String passwordHash,
        @Nullable String oidcSubject,
        Role role,
        @Nullable Kommunenummer kommunenummer,
        @Nullable UUID responseCentreId,
        boolean enabled,
        Set<Kommunenummer> kommuner) {

    public UserAccount {
        TreeSet<Kommunenummer> all = new TreeSet<>(kommuner);
        if (kommunenummer != null) {
            all.add(kommunenummer);
        }
        kommuner = java.util.Collections.unmodifiableSet(all);
    }

    public UserAccount(
            UUID id,
            String username,
            String displayName,
            @Nullable String passwordHash,
            @Nullable String oidcSubject,
            Role role,
            @Nullable Kommunenummer kommunenummer,
            @Nullable UUID responseCentreId,
            boolean enabled) {
        this(
                id,
                username,
                displayName,
                passwordHash,
                oidcSubject,
                role,
                kommunenummer,
                responseCentreId,
                enabled,
                Set.of());
    }

    public UserAccount withEnabled(boolean enabled) {
        return new UserAccount(
                id,
                username,
                displayName,
                passwordHash,
                oidcSubject,
                role,
                kommunenummer,
                responseCentreId,
                enabled,
                kommuner);
    }

    public UserAccount withPasswordHash(String passwordHash) {
        return new UserAccount(
                id,
                username,
                displayName,
                passwordHash,
                oidcSubject,
                role,
                kommunenummer,
                responseCentreId,
                enabled,
                kommuner);
    }

    public UserAccount withOidcSubject(@Nullable String oidcSubject) {
        return new UserAccount(
                id,
                username,
                displayName,
                passwordHash,
                oidcSubject,
                role,
                kommunenummer,
                responseCentreId,
                enabled,
                kommuner);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public VardeUser toVardeUser() {
        return new VardeUser(id, username, displayName, role, kommunenummer, responseCentreId, kommuner);
    }
}
