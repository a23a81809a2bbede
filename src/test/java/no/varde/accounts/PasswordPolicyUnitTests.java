package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import no.varde.shared.web.FieldProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyUnitTests {

    @Test
    void acceptsTwelveCharactersAndMore() {
        assertThat(PasswordPolicy.check("password", "abcdefghijkl", "ola")).isEmpty();
        assertThat(PasswordPolicy.check("password", "correct horse battery staple", "ola"))
                .isEmpty();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThat(PasswordPolicy.check("password", "abcdefghijk", "ola"))
                .extracting(FieldProblem::message)
                .singleElement()
                .asString()
                .startsWith("VARDE-ACCT-0009");
        assertThat(PasswordPolicy.check("password", "æøåæøåæøåæø", "ola")).hasSize(1);
        assertThat(PasswordPolicy.check("password", "æøåæøåæøåæøå", "ola")).isEmpty();
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(PasswordPolicy.check("password", "x".repeat(128), "ola")).isEmpty();
        assertThat(PasswordPolicy.check("password", "x".repeat(129), "ola"))
                .extracting(FieldProblem::message)
                .singleElement()
                .asString()
                .startsWith("VARDE-ACCT-0010");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThat(PasswordPolicy.check("newPassword", "my-HJEMME.RANA-password", "hjemme.rana"))
                .containsExactly(AccountProblem.PASSWORD_CONTAINS_USERNAME.on("newPassword"));
    }
}
