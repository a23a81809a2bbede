package no.varde.ingest.dc09;

import static no.varde.ingest.dc09.Dc09TestSender.encrypted;
import static no.varde.ingest.dc09.Dc09TestSender.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import no.varde.ingest.ProtocolTestConfiguration;
import no.varde.ingest.credentials.ScaipCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** System admins set a device's DC-09 key and SIP digest credentials; nothing is readable afterwards. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class DeviceCredentialsApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dc09Receiver receiver;

    @Autowired
    Clock clock;

    @Test
    void keySetThroughTheApiDecryptsTheAccountsFramesAndIsStoredEncrypted() throws Exception {
        Object[] device = jdbc.sql("select id, upper(sia_account) from device where sia_account is not null"
                        + " order by sia_account desc limit 1")
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .single();
        String hex = "00112233445566778899aabbccddeeff0011223344556677";
        mvc.perform(put("/api/v1/devices/" + device[0] + "/dc09-key")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\": \"" + hex + "\"}"))
                .andExpect(status().isNoContent());
        String account = (String) device[1];
        assertThat(jdbc.sql("select position(? in encode(key_encrypted, 'escape')) = 0 and key_bits = 192"
                                + " from dc09_account_key where account = ?")
                        .params(hex, account)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(
                    encrypted(
                            "SIA-DCS",
                            "0901",
                            account,
                            "#" + account + "|NMA1",
                            clock.instant(),
                            HexFormat.of().parseHex(hex)),
                    false));
            assertThat(sender.answer()).startsWith("\"*ACK\"0901");
        }
        mvc.perform(delete("/api/v1/devices/" + device[0] + "/dc09-key").with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isNoContent());
    }

    @Test
    void badKeysAndOtherRolesAreRefused() throws Exception {
        UUID device = jdbc.sql("select id from device where sia_account is not null and kommunenummer = '1813' limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(put("/api/v1/devices/" + device + "/dc09-key")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        mvc.perform(put("/api/v1/devices/" + device + "/dc09-key")
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\": \"00112233445566778899aabbccddeeff\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void digestCredentialsAreKeptAsHa1Only() throws Exception {
        Object[] device = jdbc.sql("select id, scaip_controller_id from device where scaip_controller_id is not null"
                        + " order by scaip_controller_id desc, id limit 1")
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .single();
        mvc.perform(put("/api/v1/devices/" + device[0] + "/scaip-credentials")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"alarm1\", \"password\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(put("/api/v1/devices/" + device[0] + "/scaip-credentials")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"alarm1\", \"password\": \"a-long-device-secret\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select ha1 from scaip_credential where controller_id = ?")
                        .param(device[1])
                        .query(String.class)
                        .single())
                .isEqualTo(ScaipCredentials.md5("alarm1:varde:a-long-device-secret"));
        mvc.perform(delete("/api/v1/devices/" + device[0] + "/scaip-credentials")
                        .with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from scaip_credential where controller_id = ?")
                        .param(device[1])
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
