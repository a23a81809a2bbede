package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import no.varde.shared.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Every role, the supervisor included, is labelled in both languages wherever roles are shown: the role name
 * (header, accounts, audit trail) and the audit trail's purpose of the role's access.
 */
class RoleLabelsUnitTests {

    @Test
    void everyRoleHasItsNameAndItsAuditPurposeInBokmalAndEnglish() throws IOException {
        Properties nb = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Properties auditNb = bundle("audit.properties");
        Properties auditEn = bundle("audit_en.properties");
        for (Role role : Role.values()) {
            assertThat(nb).containsKey("role." + role);
            assertThat(en).containsKey("role." + role);
            String purpose = "audit.purpose." + AuditLog.purposeOf(role).replace(' ', '-');
            assertThat(auditNb).as("purpose of %s", role).containsKey(purpose);
            assertThat(auditEn).as("purpose of %s", role).containsKey(purpose);
        }
        assertThat(nb.getProperty("role.SUPERVISOR")).isEqualTo("Vaktleder");
        assertThat(en.getProperty("role.SUPERVISOR")).isEqualTo("Supervisor");
        assertThat(AuditLog.purposeOf(Role.SUPERVISOR)).isEqualTo("response-centre supervision");
    }

    @Test
    void theSupervisorDoesWhatAnOperatorDoesAndNothingMoreOfOtherRoles() {
        assertThat(Role.SUPERVISOR.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.SUPERVISOR.handlesAlarms()).isTrue();
        assertThat(Role.OPERATOR.includes(Role.SUPERVISOR)).isFalse();
        assertThat(Role.SUPERVISOR.includes(Role.SYSTEM_ADMIN)).isFalse();
        assertThat(Role.SYSTEM_ADMIN.handlesAlarms()).isFalse();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RoleLabelsUnitTests.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
