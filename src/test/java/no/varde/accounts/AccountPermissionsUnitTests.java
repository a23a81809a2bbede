package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AccountPermissionsUnitTests {

    static final Kommunenummer BRONNOY = Kommunenummer.of("1813");
    static final Kommunenummer RANA = Kommunenummer.of("1833");

    @Test
    void aSystemAdministratorManagesEveryRole() {
        VardeUser sysadmin = user(Role.SYSTEM_ADMIN, null);
        assertThat(AccountPermissions.mayAdminister(sysadmin)).isTrue();
        for (Role role : Role.values()) {
            assertThat(AccountPermissions.mayManage(sysadmin, role, role.isMunicipal() ? RANA : null))
                    .isTrue();
        }
    }

    @Test
    void aMunicipalAdministratorManagesOnlyHomeCareOfTheirOwnMunicipality() {
        VardeUser admin = user(Role.MUNICIPAL_ADMIN, BRONNOY);
        assertThat(AccountPermissions.mayAdminister(admin)).isTrue();
        assertThat(AccountPermissions.mayManage(admin, Role.HOME_CARE, BRONNOY)).isTrue();
        assertThat(AccountPermissions.mayManage(admin, Role.HOME_CARE, RANA)).isFalse();
        assertThat(AccountPermissions.mayManage(admin, Role.HOME_CARE, null)).isFalse();
        assertThat(AccountPermissions.mayManage(admin, Role.MUNICIPAL_ADMIN, BRONNOY))
                .isFalse();
        assertThat(AccountPermissions.mayManage(admin, Role.OPERATOR, null)).isFalse();
        assertThat(AccountPermissions.mayManage(admin, Role.SYSTEM_ADMIN, null)).isFalse();
    }

    @Test
    void otherRolesManageNoAccounts() {
        for (Role role : new Role[] {Role.OPERATOR, Role.HOME_CARE, Role.REGION_ANALYST}) {
            VardeUser user = user(role, role.isMunicipal() ? BRONNOY : null);
            assertThat(AccountPermissions.mayAdminister(user)).isFalse();
            assertThat(AccountPermissions.mayManage(user, Role.HOME_CARE, BRONNOY))
                    .isFalse();
        }
    }

    private static VardeUser user(Role role, @Nullable Kommunenummer kommunenummer) {
        return new VardeUser(UUID.randomUUID(), "u", "U", role, kommunenummer, null);
    }
}
