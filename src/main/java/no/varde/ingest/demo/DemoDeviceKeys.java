package no.varde.ingest.demo;

import java.util.Optional;
import no.varde.ingest.credentials.Dc09Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the first demo DC-09 account (by account number) an AES-128 key, a published development secret
 * documented in the README, so encrypted frames can be tried against the demo.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemoDeviceKeys implements ApplicationRunner {

    /** "Varde-demo-key!!" in hex: a development secret, never for production. */
    static final String DEMO_KEY = "56617264652d64656d6f2d6b65792121";

    private static final Logger log = LoggerFactory.getLogger(DemoDeviceKeys.class);

    private final JdbcClient jdbc;
    private final Dc09Keys keys;

    DemoDeviceKeys(JdbcClient jdbc, Dc09Keys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<String> account = jdbc.sql(
                        "select upper(sia_account) from device where sia_account is not null order by upper(sia_account)"
                                + " limit 1")
                .query(String.class)
                .optional();
        account.filter(a -> keys.find(a).isEmpty()).ifPresent(a -> {
            keys.set(a, DEMO_KEY, "system:demo-loader");
            log.info("Demo DC-09 account {} has the AES-128 development key in README.md", a);
        });
    }
}
