package no.varde.console;

import java.util.Locale;
import java.util.UUID;
import no.varde.accounts.AccountAdministration;
import no.varde.accounts.NewAccount;
import no.varde.accounts.UserAccount;
import no.varde.accounts.UserAccounts;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;

/**
 * Fresh accounts for tests that several classes run against one database (CI's shared PostgreSQL): created the way an
 * administrator creates them, with a unique username, in the demo response centre.
 */
public final class FreshStaff {

    public static final String PASSWORD = "correct horse battery staple";

    private FreshStaff() {}

    public static UserAccount create(
            AccountAdministration administration,
            UserAccounts accounts,
            ResponseCentres centres,
            Role role,
            String displayName,
            @Nullable String kommunenummer) {
        VardeUser sysadmin = accounts.findByUsername("sysadmin").orElseThrow().toVardeUser();
        String centre = role.handlesAlarms()
                ? centres.all().stream()
                        // the demo centre serves the whole region; other classes add centres that serve less
                        .max(java.util.Comparator.comparingInt(
                                (ResponseCentre c) -> c.servedMunicipalities().size()))
                        .map(ResponseCentre::id)
                        .orElseThrow()
                        .toString()
                : null;
        String username = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + UUID.randomUUID().toString().substring(0, 8);
        return administration.create(
                sysadmin, new NewAccount(username, displayName, role.name(), kommunenummer, centre, PASSWORD, null));
    }
}
