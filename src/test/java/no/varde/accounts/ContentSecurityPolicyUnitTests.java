package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pages' CSP img-src lets the alarm page's map load tiles from the configured tile server, and only from it. */
class ContentSecurityPolicyUnitTests {

    @Test
    void withoutATileServerImagesComeFromVardeAndDataUrlsOnly() {
        assertThat(SecurityConfiguration.imgSources("")).isEqualTo("'self' data:");
    }

    @Test
    void aTileServersOriginIsAddedAndASubdomainPlaceholderBecomesAWildcard() {
        assertThat(SecurityConfiguration.imgSources("https://tiles.example.no/osm/{z}/{x}/{y}.png"))
                .isEqualTo("'self' data: https://tiles.example.no");
        assertThat(SecurityConfiguration.imgSources("https://{s}.tile.example.no/{z}/{x}/{y}.png"))
                .isEqualTo("'self' data: https://*.tile.example.no");
        assertThat(SecurityConfiguration.imgSources("http://localhost:8089/{z}/{x}/{y}.png"))
                .isEqualTo("'self' data: http://localhost:8089");
    }

    @Test
    void somethingThatIsNotAnOriginAddsNothing() {
        assertThat(SecurityConfiguration.imgSources("tiles/{z}/{x}/{y}.png")).isEqualTo("'self' data:");
        assertThat(SecurityConfiguration.imgSources("https://a.example; script-src *"))
                .isEqualTo("'self' data:");
        assertThat(SecurityConfiguration.imgSources("https://tiles{s}.example.no/{z}.png"))
                .isEqualTo("'self' data:");
    }
}
