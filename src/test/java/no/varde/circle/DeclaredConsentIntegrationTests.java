package no.varde.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.registry.NationalId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Consent to SMS declared when a resident is registered through the API becomes a consent record with who entered
 * it and when; the registry keeps no consent of its own, its form has no consent tick box, and a later update
 * without the declaration does not withdraw it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeclaredConsentIntegrationTests {

    private static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aConsentDeclaredAtRegistrationIsARecordOfWhoAndWhenAndAnUpdateDoesNotWithdrawIt() throws Exception {
        MvcResult created = register();
        String id = String.valueOf((Object) JsonPath.read(created.getResponse().getContentAsString(), "$.id"));

        mvc.perform(get("/api/v1/residents/" + id + "/relatives").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.relatives[0].name").value("Kari Samtykke"))
                .andExpect(jsonPath("$.relatives[0].smsConsent").value(true))
                .andExpect(jsonPath("$.relatives[0].consentRecordedBy").value("admin.bronnoy"))
                .andExpect(jsonPath("$.relatives[0].consentRecordedAt").isNotEmpty())
                .andExpect(jsonPath("$.relatives[1].smsConsent").value(false))
                .andExpect(jsonPath("$.relatives[1].consentRecordedBy").doesNotExist());
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where resident_id = ?::uuid and username = 'admin.bronnoy'"
                                        + " and what = 'SMS consent of relative Kari Samtykke recorded (declared at registration)'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isOne();

        // an update that no longer declares it (as the form sends) keeps the record: withdrawal is its own act
        int version = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.version")).intValue();
        mvc.perform(put("/api/v1/residents/" + id)
                        .with(httpBasic("admin.bronnoy", PASSWORD))
                        .header("If-Match", String.valueOf(version))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(registeredNationalId, false)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/residents/" + id + "/relatives").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(jsonPath("$.relatives[0].smsConsent").value(true))
                .andExpect(jsonPath("$.relatives[0].consentRecordedBy").value("admin.bronnoy"));
        assertThat(jdbc.sql("select count(*) from relative_consent where resident_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("one record, not one per save")
                .isOne();

        String form = mvc.perform(
                        get("/residents/" + id + "/edit").with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).doesNotContain("smsConsent").contains("id=\"consent-hint\"");
    }

    private String registeredNationalId = "";

    private MvcResult register() throws Exception {
        for (int attempt = 0; ; attempt++) {
            String nationalId = nationalId();
            MvcResult result = mvc.perform(post("/api/v1/residents")
                            .with(httpBasic("admin.bronnoy", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(nationalId, true)))
                    .andReturn();
            registeredNationalId = nationalId;
            if (result.getResponse().getStatus() == 201 || attempt == 5) {
                assertThat(result.getResponse().getStatus())
                        .as(result.getResponse().getContentAsString())
                        .isEqualTo(201);
                return result;
            }
        }
    }

    private static String body(String nationalId, boolean declared) {
        return """
                {"kommunenummer": "1813", "givenName": "Sigrid", "familyName": "Samtykke", "birthDate": "1938-05-17",
                 "nationalId": "%s", "streetAddress": "Samtykkeveien 2", "postalCode": "8900",
                 "postalPlace": "Brønnøysund", "entryMethod": "KEY_BOX",
                 "relatives": [
                   {"name": "Kari Samtykke", "relation": "datter", "phone": "+47 912 34 568", "smsConsent": %s},
                   {"name": "Ola Samtykke", "relation": "sønn", "phone": "+4791234569", "smsConsent": false}]}
                """.formatted(nationalId, declared);
    }

    /** A synthetic national id for 17 May 1938 (individual numbers 000–499 are of the 1900s). */
    private static String nationalId() {
        while (true) {
            int individual = ThreadLocalRandom.current().nextInt(0, 500);
            try {
                return NationalId.withCheckDigits("170538" + String.format("%03d", individual));
            } catch (IllegalArgumentException noCheckDigit) {
                // that individual number has no valid check digit; try another
            }
        }
    }
}
