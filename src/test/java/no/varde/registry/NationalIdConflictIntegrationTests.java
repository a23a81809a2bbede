package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A national id registered in another municipality is not revealed to a user who may not see that municipality
 * (no existence oracle), the refused attempt is audited under the resident it hit, and a system administrator
 * transfers a resident who has moved instead of registering them twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NationalIdConflictIntegrationTests {

    private static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAnotherMunicipalitysResidentsIdRevealsNothingAndIsAuditedUnderThatResident() throws Exception {
        UUID ranaResident = anyResidentIn("1833");
        String ranaId = nationalIdOf(ranaResident);

        String answer = mvc.perform(post("/api/v1/residents")
                        .with(httpBasic("admin.bronnoy", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft("1813", ranaId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nationalId"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer)
                .contains("VARDE-REG-0010")
                .doesNotContain("registered with this national id")
                .doesNotContain("1833")
                .doesNotContain(ranaResident.toString());

        List<String> refused = jdbc.sql("select username || '|' || kommunenummer || '|' || what from audit_event"
                        + " where action = 'REFUSED' and resident_id = ? order by id")
                .param(ranaResident)
                .query(String.class)
                .list();
        assertThat(refused)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("admin.bronnoy|1833|national-id conflict: registering a new resident in 1813"));
        // the system administrator sees the attempt and which resident it hit; Brønnøy's admin does not
        mvc.perform(get("/api/v1/audit").param("kommune", "1833").with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(jsonPath("$[?(@.action == 'REFUSED' && @.residentId == '" + ranaResident + "')]")
                        .exists());
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(
                        jsonPath("$[?(@.residentId == '" + ranaResident + "')]").doesNotExist());
        assertThat(residentsWithId(ranaId)).as("nothing registered").isEqualTo(1);
    }

    @Test
    void editingAResidentToAnotherMunicipalitysIdIsRefusedTheSameWay() throws Exception {
        UUID bronnoyResident = anyResidentIn("1813");
        UUID ranaResident = anyResidentIn("1833");
        String body = mvc.perform(
                        get("/api/v1/residents/" + bronnoyResident).with(httpBasic("admin.bronnoy", PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(body, "$.version");
        String answer = mvc.perform(put("/api/v1/residents/" + bronnoyResident)
                        .header("If-Match", String.valueOf(version))
                        .with(httpBasic("admin.bronnoy", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft("1813", nationalIdOf(ranaResident))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("VARDE-REG-0010").doesNotContain("registered with this national id");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REFUSED' and resident_id = ?"
                                + " and what like ?")
                        .params(ranaResident, "%editing resident " + bronnoyResident + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void withinTheOwnMunicipalityTheDuplicateIsNamed() throws Exception {
        String bronnoyId = nationalIdOf(anyResidentIn("1813"));
        mvc.perform(post("/api/v1/residents")
                        .with(httpBasic("admin.bronnoy", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft("1813", bronnoyId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nationalId"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("another resident is registered with this national id"));
    }

    @Test
    void aSystemAdministratorTransfersAResidentWhoMovedWithTheirDevicesAndBothTrailsShowIt() throws Exception {
        UUID resident = residentWithDeviceIn("1833");
        long devices = jdbc.sql("select count(*) from device where resident_id = ?")
                .param(resident)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/residents/" + resident + "/transfer")
                        .with(httpBasic("admin.bronnoy", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kommunenummer\": \"1813\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/residents/" + resident + "/transfer")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kommunenummer\": \"18x3\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kommunenummer"));

        mvc.perform(post("/api/v1/residents/" + resident + "/transfer")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kommunenummer\": \"1813\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kommunenummer").value("1813"));

        assertThat(jdbc.sql("select count(*) from device where resident_id = ? and kommunenummer = '1813'")
                        .param(resident)
                        .query(Long.class)
                        .single())
                .isEqualTo(devices);
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("hjemme.rana", PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select kommunenummer from audit_event where action = 'TRANSFER' and resident_id = ?"
                                + " and username = 'sysadmin' order by kommunenummer")
                        .param(resident)
                        .query(String.class)
                        .list())
                .containsExactly("1813", "1833");
    }

    private String draft(String kommune, String nationalId) {
        return """
                {"kommunenummer": "%s", "givenName": "Test", "familyName": "Konfliktsen", "birthDate": "1940-01-01",
                 "nationalId": "%s", "streetAddress": "Testveien 1", "postalCode": "8900",
                 "postalPlace": "Brønnøysund", "entryMethod": "KEY_BOX"}
                """.formatted(kommune, nationalId);
    }

    private String nationalIdOf(UUID resident) throws Exception {
        String body = mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Object id = JsonPath.read(body, "$.nationalId");
        return id instanceof String text ? text : JsonPath.read(body, "$.nationalId.value");
    }

    private long residentsWithId(String nationalId) throws Exception {
        String body = mvc.perform(
                        get("/api/v1/residents").param("q", nationalId).with(httpBasic("sysadmin", PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }

    private UUID anyResidentIn(String kommune) {
        return jdbc.sql("select id from resident where kommunenummer = ? order by random() limit 1")
                .param(kommune)
                .query(UUID.class)
                .single();
    }

    private UUID residentWithDeviceIn(String kommune) {
        return jdbc.sql("select r.id from resident r where r.kommunenummer = ? and exists (select 1 from device d"
                        + " where d.resident_id = r.id) and not exists (select 1 from alarm a where a.resident_id = r.id)"
                        + " order by random() limit 1")
                .param(kommune)
                .query(UUID.class)
                .single();
    }
}
