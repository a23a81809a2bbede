package no.varde.shared.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff who sign in to Varde, as other modules need them: who an alarm may be reassigned to, and the names to
 * show instead of usernames. The accounts module answers it.
 */
public interface StaffDirectory {

    /** The enabled account with this username. */
    Optional<VardeUser> find(String username);

    /** The display names of those usernames that belong to an account; others are left out. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** The enabled operators and supervisors of a response centre, by name. */
    List<VardeUser> alarmHandlers(UUID responseCentreId);

    /** The enabled administrators of a municipality with their mobile numbers (null when none), by name. */
    List<Contact> municipalAdmins(no.varde.shared.Kommunenummer kommunenummer);

    /** The enabled technicians bound to a municipality, by name. */
    List<VardeUser> technicians(no.varde.shared.Kommunenummer kommunenummer);

    /** Someone to notify: the account's username, name and mobile number (null when the account has none). */
    record Contact(
            String username,
            String displayName,
            @org.jspecify.annotations.Nullable String phone) {}
}
