package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A user bound to one municipality never sees another municipality's residents, in pages or API. */
@SpringBootTest
@AutoConfigureMockMvc
class NeedToKnowIntegrationTests {

    private static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void homeCareUserSearchesOnlyOwnMunicipalityThroughTheApi() throws Exception {
        mvc.perform(get("/api/v1/residents").param("size", "500").with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(residentsIn("1813")))
                .andExpect(jsonPath("$.items[*].kommunenummer")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("1813"))));
        mvc.perform(get("/api/v1/residents").param("kommunenummer", "1833").with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anotherMunicipalitysResidentIsNotFoundForAHomeCareUser() throws Exception {
        UUID ranaResident = anyResidentIn("1833");
        mvc.perform(get("/api/v1/residents/" + ranaResident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/residents/" + ranaResident).with(user(users.loadUserByUsername("hjemme.bronnoy"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/residents/" + ranaResident).with(httpBasic("hjemme.rana", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kommunenummer").value("1833"));
    }

    @Test
    void residentPageListsOnlyOwnMunicipality() throws Exception {
        String page = mvc.perform(get("/residents").with(user(users.loadUserByUsername("hjemme.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Brønnøysund").doesNotContain("Mo i Rana").doesNotContain("Mosjøen");
    }

    @Test
    void devicesAreScopedLikeResidents() throws Exception {
        mvc.perform(get("/api/v1/devices").param("size", "500").with(httpBasic("hjemme.rana", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kommunenummer")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("1833"))));
    }

    @Test
    void operatorOfTheResponseCentreSeesEveryServedMunicipality() throws Exception {
        mvc.perform(get("/api/v1/residents").with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(residentsIn(null)));
    }

    @Test
    void analystSeesNoPersonalData() throws Exception {
        mvc.perform(get("/api/v1/residents").with(httpBasic("analytiker", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/residents").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/municipalities").with(httpBasic("analytiker", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(18));
    }

    @Test
    void apiWithoutCredentialsIsUnauthorizedAsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/residents"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void residentReadIsAuditedWithUserRoleResidentAndChannel() throws Exception {
        UUID resident = anyResidentIn("1813");
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk());
        List<String> lines = jdbc.sql("select username || '|' || role || '|' || action || '|' || kommunenummer"
                        + " || '|' || channel from audit_event where resident_id = ? order by id")
                .param(resident)
                .query(String.class)
                .list();
        assertThat(lines).contains("hjemme.bronnoy|HOME_CARE|READ|1813|API GET /api/v1/residents/" + resident);
    }

    @Test
    void municipalAdminSeesOwnMunicipalitysAuditTrailOnly() throws Exception {
        UUID resident = anyResidentIn("1813");
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").param("kommune", "1833").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kommunenummer")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("1813"))))
                .andExpect(jsonPath("$[?(@.residentId == '" + resident + "' && @.username == 'hjemme.bronnoy')]")
                        .exists());
        mvc.perform(get("/api/v1/audit").with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void auditTrailCannotBeChangedOrDeleted() {
        // the application's role has no such privilege; a role that had it would still meet the triggers
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update audit_event set username = 'x'").update())
                .rootCause()
                .message()
                .containsAnyOf("permission denied", "VARDE-AUDIT-0001");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from audit_event").update())
                .rootCause()
                .message()
                .containsAnyOf("permission denied", "VARDE-AUDIT-0001");
    }

    @Test
    void nationalIdsAreEncryptedAtRest() {
        List<byte[]> stored = jdbc.sql("select national_id_cipher from resident limit 20")
                .query(byte[].class)
                .list();
        assertThat(stored).isNotEmpty();
        for (byte[] cipher : stored) {
            String asText = new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(asText).doesNotContainPattern("\\d{11}");
            assertThat(cipher.length).isGreaterThan(11 + 12);
        }
    }

    private long residentsIn(String kommune) {
        return jdbc.sql("select count(*) from resident where cast(? as text) is null or kommunenummer = ?")
                .params(kommune, kommune)
                .query(Long.class)
                .single();
    }

    private UUID anyResidentIn(String kommune) {
        return jdbc.sql("select id from resident where kommunenummer = ? order by id limit 1")
                .param(kommune)
                .query(UUID.class)
                .single();
    }
}
