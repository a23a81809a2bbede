package no.varde.ingest.demo;

import no.varde.ingest.IntegrationId;
import no.varde.ingest.Integrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's one integration, with the token documented in the README (development setup only). */
@Component
@Order(40)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemoIntegration implements ApplicationRunner {

    static final IntegrationId ID = IntegrationId.of("d3e0a1a2-0000-4000-8000-000000000001");
    static final String SECRET = "demo-integration-secret-not-for-production";
    private static final Logger log = LoggerFactory.getLogger(DemoIntegration.class);

    private final Integrations integrations;

    DemoIntegration(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (integrations.all().stream().noneMatch(i -> i.id().equals(ID))) {
            integrations.createWithToken(ID, "Demo vendor platform", SECRET, "system:demo-loader");
            log.info("Demo integration created; its token is in README.md");
        }
    }

    /** The token a demo sender puts in {@code Authorization: Bearer ...}. */
    public static String token() {
        return ID + "." + SECRET;
    }
}
