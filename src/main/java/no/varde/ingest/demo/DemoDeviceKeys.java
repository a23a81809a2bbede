package no.varde.ingest.demo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
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
 * Gives the first three demo DC-09 accounts (by account number) AES-128, -192 and -256 keys, published development
 * secrets documented in the README, so encrypted frames can be tried against the demo.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemoDeviceKeys implements ApplicationRunner {

    /** "Varde-demo-key!!" in hex: a development secret, never for production. */
    static final String DEMO_KEY = "56617264652d64656d6f2d6b65792121";

    /** The demo's first three DC-09 accounts get AES-128, -192 and -256 development keys (published, README). */
    static final List<String> DEMO_KEYS = List.of(
            DEMO_KEY,
            HexFormat.of().formatHex("Varde-demo-key-192-bits!".getBytes(StandardCharsets.US_ASCII)),
            HexFormat.of().formatHex("Varde-demo-key-for-AES-256-bits!".getBytes(StandardCharsets.US_ASCII)));

    private static final Logger log = LoggerFactory.getLogger(DemoDeviceKeys.class);

    private final JdbcClient jdbc;
    private final Dc09Keys keys;

    DemoDeviceKeys(JdbcClient jdbc, Dc09Keys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> accounts = jdbc.sql("select upper(sia_account) from device where sia_account is not null"
                        + " order by upper(sia_account) limit ?")
                .param(DEMO_KEYS.size())
                .query(String.class)
                .list();
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            if (keys.find(account).isEmpty()) {
                keys.set(account, DEMO_KEYS.get(i), "system:demo-loader");
                log.info(
                        "Demo DC-09 account {} has the AES-{} development key in README.md",
                        account,
                        DEMO_KEYS.get(i).length() * 4);
            }
        }
    }
}
