package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountProblemUnitTests {

    @Test
    void codesAreUniqueAndStable() {
        Set<String> codes = new HashSet<>();
        for (AccountProblem problem : AccountProblem.values()) {
            assertThat(problem.code()).matches("VARDE-ACCT-\\d{4}");
            assertThat(codes.add(problem.code()))
                    .as("unique %s", problem.code())
                    .isTrue();
        }
        assertThat(AccountProblem.PASSWORD_TOO_SHORT.code()).isEqualTo("VARDE-ACCT-0009");
    }

    @Test
    void everyProblemHasATextInBothLanguages() throws IOException {
        for (String bundle : new String[] {"i18n/accounts.properties", "i18n/accounts_en.properties"}) {
            Properties messages = new Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (AccountProblem problem : AccountProblem.values()) {
                assertThat(messages.getProperty(problem.messageKey()))
                        .as("%s in %s", problem.messageKey(), bundle)
                        .isNotBlank()
                        .contains(problem.code());
            }
        }
    }

    @Test
    void aFieldProblemIsTracedBackToItsProblem() {
        assertThat(AccountProblem.of(AccountProblem.USERNAME_TAKEN.on("username")))
                .contains(AccountProblem.USERNAME_TAKEN);
        assertThat(AccountProblem.of(new no.varde.shared.web.FieldProblem("x", "something else")))
                .isEmpty();
    }
}
