package no.varde.shared.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseConfigurationUnitTests {

    @Test
    void withoutADatabaseUrlOutsideTheDevelopmentSetupTheApplicationRefusesToStart() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.requireDevelopmentProfile(production))
                .hasMessageContaining("VARDE-DB-0003")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.requireDevelopmentProfile(new MockEnvironment()))
                .hasMessageContaining("VARDE-DB-0003");
    }

    @Test
    void theDemoAndTestProfilesMayStartTheirOwnDatabase() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        MockEnvironment test = new MockEnvironment();
        test.setActiveProfiles("other", "test");
        assertThatCode(() -> EmbeddedDatabaseConfiguration.requireDevelopmentProfile(demo))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedDatabaseConfiguration.requireDevelopmentProfile(test))
                .doesNotThrowAnyException();
    }
}
