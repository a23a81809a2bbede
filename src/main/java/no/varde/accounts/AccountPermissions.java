package no.varde.accounts;

import java.util.Objects;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;

/**
 * Who may manage which accounts: a system administrator manages every account; a municipal administrator
 * manages only the home-care accounts of their own municipality. Nobody else manages accounts.
 */
public final class AccountPermissions {

    private AccountPermissions() {}

    public static boolean mayAdminister(VardeUser admin) {
        return admin.hasRole(Role.SYSTEM_ADMIN) || admin.hasRole(Role.MUNICIPAL_ADMIN);
    }

    public static boolean mayManage(VardeUser admin, Role role, @Nullable Kommunenummer kommunenummer) {
        return switch (admin.role()) {
            case SYSTEM_ADMIN -> true;
            case MUNICIPAL_ADMIN ->
                role == Role.HOME_CARE && kommunenummer != null && Objects.equals(admin.kommunenummer(), kommunenummer);
            default -> false;
        };
    }

    public static boolean mayManage(VardeUser admin, UserAccount account) {
        return mayManage(admin, account.role(), account.kommunenummer());
    }
}
