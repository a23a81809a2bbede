package no.varde.registry;

import java.util.Set;
import java.util.TreeSet;
import no.varde.shared.Kommunenummer;

/**
 * The municipalities whose residents a user may see (need-to-know). Every query of personal data takes a
 * scope, so the restriction is enforced where the data is read, not only in the user interface.
 */
public record AccessScope(boolean everything, Set<Kommunenummer> kommuner) {

    public AccessScope {
        kommuner = Set.copyOf(kommuner);
    }

    public static AccessScope all() {
        return new AccessScope(true, Set.of());
    }

    public static AccessScope none() {
        return new AccessScope(false, Set.of());
    }

    public static AccessScope of(Set<Kommunenummer> kommuner) {
        return new AccessScope(false, kommuner);
    }

    public boolean allows(Kommunenummer kommunenummer) {
        return everything || kommuner.contains(kommunenummer);
    }

    public boolean isEmpty() {
        return !everything && kommuner.isEmpty();
    }

    /** The municipality numbers for a SQL {@code = any(:array)} filter; null means unrestricted. */
    public String[] sqlArray() {
        return new TreeSet<>(kommuner).stream().map(Kommunenummer::value).toArray(String[]::new);
    }
}
