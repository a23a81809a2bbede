package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Safe defaults when the settings are left out, and a keep-alive that always beats the idle timeout. */
class SecurityPropertiesUnitTests {

    @Test
    void leftOutSettingsGetTheDocumentedDefaults() {
        SecurityProperties properties = new SecurityProperties(null, null, null, null);
        assertThat(properties.login().accountFailures()).isEqualTo(5);
        assertThat(properties.login().addressFailures()).isEqualTo(30);
        assertThat(properties.login().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.login().lockDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.session().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.session().keepAliveInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.metrics().username()).isEqualTo("prometheus");
        assertThat(properties.metrics().password()).isNull();
        assertThat(properties.oidc().enabled()).isFalse();
    }

    @Test
    void theKeepAliveIsAlwaysWellInsideAShortIdleTimeout() {
        var session = new SecurityProperties.Session(Duration.ofMinutes(6), Duration.ofMinutes(5));
        assertThat(session.keepAliveInterval()).isEqualTo(Duration.ofMinutes(2));
        var tight = new SecurityProperties.Session(Duration.ofMinutes(20), null);
        assertThat(tight.keepAliveInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBlankScrapePasswordMeansNoScrapeAccount() {
        assertThat(new SecurityProperties.Metrics(" ", " ").password()).isNull();
        assertThat(new SecurityProperties.Metrics(" ", " ").username()).isEqualTo("prometheus");
    }
}
