package no.varde.shared.security;

import java.util.Set;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as Varde sees them, whatever the login method.
 *
 * @param kommunenummer the municipality a HOME_CARE, MUNICIPAL_ADMIN or TECHNICIAN user is bound to (a technician's
 *     first one)
 * @param responseCentreId the response centre an OPERATOR or SUPERVISOR works in
 * @param kommuner every municipality the user is bound to: {@code kommunenummer} and, for a technician, any further
 *     ones
 */
public record VardeUser(
        UUID id,
        String username,
        String displayName,
        Role role,
        @Nullable Kommunenummer kommunenummer,
        @Nullable UUID responseCentreId,
        Set<Kommunenummer> kommuner) {

    public VardeUser {
        java.util.Set<Kommunenummer> all =
                new java.util.TreeSet<>(java.util.Comparator.comparing(Kommunenummer::value));
        all.addAll(kommuner);
        if (kommunenummer != null) {
            all.add(kommunenummer);
        }
        kommuner = java.util.Collections.unmodifiableSet(all);
    }

    /** A user bound to at most one municipality. */
    public VardeUser(
            UUID id,
            String username,
            String displayName,
            Role role,
            @Nullable Kommunenummer kommunenummer,
            @Nullable UUID responseCentreId) {
        this(id, username, displayName, role, kommunenummer, responseCentreId, Set.of());
    }

    public boolean hasRole(Role candidate) {
        return role.includes(candidate);
    }
}
