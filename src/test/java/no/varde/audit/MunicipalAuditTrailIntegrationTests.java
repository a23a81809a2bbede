package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A municipal admin sees every access to the municipality's residents, whoever made it (the response centre's
 * operators, system administrators, its own staff), on the page, in the API and in the export; and nothing about
 * other municipalities' residents.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MunicipalAuditTrailIntegrationTests {

    private static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void accessesByUsersOfOtherMunicipalitiesAndRolesAreInTheResidentsMunicipalitysTrail() throws Exception {
        UUID resident = anyResidentIn("1813");
        mvc.perform(get("/api/v1/residents/" + resident).with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/residents/" + resident).with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit")
                        .param("resident", resident.toString())
                        .with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'operator' && @.role == 'OPERATOR' && @.action == 'READ')]")
                        .exists())
                .andExpect(jsonPath("$[?(@.username == 'sysadmin' && @.role == 'SYSTEM_ADMIN' && @.action == 'READ')]")
                        .exists());

        String page = mvc.perform(get("/audit")
                        .param("resident", resident.toString())
                        .with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("operator").contains("sysadmin");

        String csv = mvc.perform(get("/audit/export.csv")
                        .param("resident", resident.toString())
                        .with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .contains("\"operator\";OPERATOR;READ;" + resident)
                .contains("\"sysadmin\";SYSTEM_ADMIN;READ;" + resident);
    }

    @Test
    void anotherMunicipalitysResidentsAccessesStayOutOfTheTrail() throws Exception {
        UUID ranaResident = anyResidentIn("1833");
        mvc.perform(get("/api/v1/residents/" + ranaResident).with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit")
                        .param("resident", ranaResident.toString())
                        .param("kommune", "1833")
                        .with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    private UUID anyResidentIn(String kommune) {
        return jdbc.sql("select id from resident where kommunenummer = ? order by random() limit 1")
                .param(kommune)
                .query(UUID.class)
                .single();
    }
}
