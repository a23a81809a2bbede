package no.varde.ingest.dc09;

import static no.varde.ingest.dc09.Dc09TestSender.encrypted;
import static no.varde.ingest.dc09.Dc09TestSender.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import no.varde.ingest.ProtocolTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin page of a device's protocol credentials: a system admin sets a DC-09 AES key and SIP digest
 * credentials in the UI; the page says whether they are set and never shows them; bad input is refused with the
 * reason and stores nothing; other roles are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class DeviceCredentialPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dc09Receiver receiver;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @Test
    void anAdminSetsAnAesKeyInThePageWhichDecryptsTheAccountsFramesAndIsNeverShown() throws Exception {
        Object[] device = jdbc.sql("select id, upper(sia_account) from device where sia_account is not null"
                        + " order by sia_account desc offset 3 limit 1")
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .single();
        String page = "/devices/" + device[0] + "/credentials";
        String account = (String) device[1];
        jdbc.sql("delete from dc09_account_key where account = ?")
                .param(account)
                .update();

        String before = html(page);
        assertThat(before).contains("Ingen nøkkel", account);

        // a bad key: the reason, and nothing stored
        String refused = mvc.perform(post(page + "/dc09-key")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("key", "not-a-key"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("32, 48 eller 64 heksadesimale tegn");
        assertThat(keys(account)).isZero();

        String hex = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
        mvc.perform(post(page + "/dc09-key")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("key", hex))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        String after = html(page);
        assertThat(after).contains("AES-256 satt", "sysadmin");
        assertThat(after.toLowerCase()).doesNotContain(hex);
        assertThat(jdbc.sql("select position(? in encode(key_encrypted, 'escape')) = 0 and key_bits = 256"
                                + " from dc09_account_key where account = ?")
                        .params(hex, account)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(
                    encrypted(
                            "SIA-DCS",
                            "0911",
                            account,
                            "#" + account + "|NMA1",
                            clock.instant(),
                            HexFormat.of().parseHex(hex)),
                    false));
            assertThat(sender.answer()).startsWith("\"*ACK\"0911");
        }

        mvc.perform(post(page + "/dc09-key/remove")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(keys(account)).isZero();
    }

    @Test
    void anAdminSetsDigestCredentialsKeptAsHa1OnlyAndAShortPasswordIsRefused() throws Exception {
        Object[] device = jdbc.sql("select id, scaip_controller_id from device where scaip_controller_id is not null"
                        + " order by scaip_controller_id desc offset 5 limit 1")
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .single();
        String page = "/devices/" + device[0] + "/credentials";
        String controller = (String) device[1];
        jdbc.sql("delete from scaip_credential where controller_id = ?")
                .param(controller)
                .update();

        String refused = mvc.perform(post(page + "/scaip")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("username", "dev-" + controller)
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("12 til 128 tegn");
        assertThat(credentials(controller)).isZero();

        String password = "a-long-device-secret";
        mvc.perform(post(page + "/scaip")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("username", "dev-" + controller)
                        .param("password", password)
                        .param("realm", "varde"))
                .andExpect(status().is3xxRedirection());
        String after = html(page);
        assertThat(after).contains("Brukernavn dev-" + controller).doesNotContain(password);
        assertThat(jdbc.sql("select ha1 from scaip_credential where controller_id = ?")
                        .param(controller)
                        .query(String.class)
                        .single())
                .isEqualTo(
                        no.varde.ingest.credentials.ScaipCredentials.md5("dev-" + controller + ":varde:" + password));
        mvc.perform(post(page + "/scaip/remove")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(credentials(controller)).isZero();
    }

    @Test
    void otherRolesCannotOpenOrChangeThePage() throws Exception {
        UUID id = jdbc.sql("select id from device where sia_account is not null limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/devices/" + id + "/credentials").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/devices/" + id + "/credentials/dc09-key")
                        .with(user(users.loadUserByUsername("operator")))
                        .with(csrf())
                        .param("key", "00112233445566778899aabbccddeeff"))
                .andExpect(status().isForbidden());
    }

    private String html(String page) throws Exception {
        return mvc.perform(get(page).with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long keys(String account) {
        return jdbc.sql("select count(*) from dc09_account_key where account = ?")
                .param(account)
                .query(Long.class)
                .single();
    }

    private long credentials(String controller) {
        return jdbc.sql("select count(*) from scaip_credential where controller_id = ?")
                .param(controller)
                .query(Long.class)
                .single();
    }
}
