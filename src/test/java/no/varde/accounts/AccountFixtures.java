package no.varde.accounts;

import java.util.Locale;
import java.util.UUID;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;

/**
 * Creates accounts the way an administrator does, through {@link AccountAdministration}. Usernames are unique
 * per call because several test classes share one database.
 */
@TestComponent
class AccountFixtures {

    static final String PASSWORD = "correct horse battery";

    private final AccountAdministration administration;
    private final UserAccounts accounts;
    private final ResponseCentres centres;

    AccountFixtures(AccountAdministration administration, UserAccounts accounts, ResponseCentres centres) {
        this.administration = administration;
        this.accounts = accounts;
        this.centres = centres;
    }

    VardeUser sysadmin() {
        return accounts.findByUsername("sysadmin").orElseThrow().toVardeUser();
    }

    VardeUser municipalAdminOfBronnoy() {
        return accounts.findByUsername("admin.bronnoy").orElseThrow().toVardeUser();
    }

    static String uniqueUsername(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    UserAccount homeCareAccount(String kommunenummer) {
        return account(Role.HOME_CARE, kommunenummer);
    }

    UserAccount account(Role role, @Nullable String kommunenummer) {
        String centre = role.handlesAlarms()
                ? centres.all().stream()
                        // the demo centre serves the whole region; other classes add centres that serve less
                        .max(java.util.Comparator.comparingInt(
                                (ResponseCentre c) -> c.servedMunicipalities().size()))
                        .map(ResponseCentre::id)
                        .orElseThrow()
                        .toString()
                : null;
        return administration.create(
                sysadmin(),
                new NewAccount(
                        uniqueUsername(role.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        "Test " + role,
                        role.name(),
                        kommunenummer,
                        centre,
                        PASSWORD,
                        null));
    }

    UserAccount disable(UserAccount account) {
        return administration.setEnabled(sysadmin(), account.id(), false);
    }

    UserAccount bind(UserAccount account, String subject) {
        return administration.bindOidcSubject(sysadmin(), account.id(), subject);
    }
}
