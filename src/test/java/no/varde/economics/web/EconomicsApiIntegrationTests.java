package no.varde.economics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import no.varde.economics.model.Scenario;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class EconomicsApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ScenarioCatalogue scenarios;

    @Test
    void demoRegionHasTheSurveyAndTheTwoShippedScenarios() throws Exception {
        mvc.perform(get("/api/v1/economics/survey").with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(18)))
                .andExpect(jsonPath("$[?(@.kommunenummer == '1815')].answered").value(false))
                .andExpect(jsonPath("$[?(@.kommunenummer == '1833')].costs.licence")
                        .value(1899033.0));
        mvc.perform(get("/api/v1/economics/scenarios").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Scenario 1: Nytt felles responssenter')].firstYear.toBe")
                        .value(17000000.0))
                .andExpect(jsonPath(
                                "$[?(@.name == 'Scenario 2: Tilknytning til eksisterende responssenter')].firstYear.toBe")
                        .value(14500000.0));
    }

    @Test
    void resultsAreWhatTheInputsImply() throws Exception {
        Scenario first = shipped(0);
        mvc.perform(get("/api/v1/economics/scenarios/{id}/results", first.id()).with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.steadyState.asIs").value(26500000.12))
                .andExpect(jsonPath("$.region.steadyState.asIsPerInhabitant").value(318.86))
                .andExpect(jsonPath("$.region.steadyState.toBe").value(12500000.0))
                .andExpect(jsonPath("$.region.steadyState.savingsPercent").value(52.8))
                .andExpect(jsonPath("$.region.firstYear.savings").value(9500000.12))
                .andExpect(jsonPath("$.region.staffing.asIsFte").value(15.13))
                .andExpect(jsonPath("$.region.staffing.toBeFte").value(6.0))
                .andExpect(jsonPath("$.region.staffing.fteReduction").value(9.13))
                .andExpect(jsonPath("$.region.staffing.hoursReduction").value(17800.0))
                .andExpect(jsonPath("$.municipalities", hasSize(18)))
                .andExpect(jsonPath("$.estimated", hasSize(2)))
                .andExpect(jsonPath("$.region.payingMoreSteadyState", hasItem("1816")))
                .andExpect(jsonPath("$.years", hasSize(4)));
        mvc.perform(get("/api/v1/economics/scenarios/{id}/results?years=10", first.id())
                        .with(as("analytiker")))
                .andExpect(jsonPath("$.region.horizon.toBe").value(129500000.0));
        mvc.perform(get("/api/v1/economics/scenarios/{id}/sensitivity?percent=10", first.id())
                        .with(as("admin.bronnoy")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.percent").value(10))
                .andExpect(jsonPath("$.rows[0].driver").value("DIRECT_COSTS"))
                .andExpect(jsonPath("$.rows[0].swing").value(11003383.2));
        mvc.perform(get("/api/v1/economics/as-is").with(as("sysadmin")))
                .andExpect(jsonPath("$.region.direct").value(14321795.0))
                .andExpect(jsonPath("$.region.total").value(26500000.12))
                .andExpect(jsonPath("$.region.fte").value(15.13))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '1835')].estimated")
                        .value(true))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '1835')].total")
                        .value(155828.0));
    }

    @Test
    void analystBuildsAScenarioAndTheResultsFollow() throws Exception {
        String location = mvc.perform(post("/api/v1/economics/scenarios")
                        .with(as("analytiker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Test: platform by alarms\",\"remainingManualSharePercent\":10}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post("/api/v1/economics/scenarios/{id}/items", id)
                        .with(as("analytiker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Platform\",\"kind\":\"ANNUAL\",\"amount\":1000000.01,"
                                + "\"splitKey\":\"FLAT:50;ALARMS:50\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.splitKey").value("FLAT:50;ALARMS:50"));
        // 10 % of 29,500 hours remain: 2,950 h = 1,217,820.51 NOK at 805,000 / 1,950 (per municipality rounding)
        String json = mvc.perform(
                        get("/api/v1/economics/scenarios/{id}/results", id).with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.toBeOneOff").value(0.0))
                .andExpect(jsonPath("$.driverNotes[?(@.driver == 'ALARMS')].source")
                        .value("POPULATION"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        double remaining = ((Number) JsonPath.read(json, "$.region.remainingHoursCost")).doubleValue();
        double annual = ((Number) JsonPath.read(json, "$.region.steadyState.toBe")).doubleValue();
        assertThat(remaining).isBetween(1217820.45, 1217820.55);
        assertThat(annual).isEqualTo(1000000.01 + remaining, org.assertj.core.data.Offset.offset(0.001));

        String copy = mvc.perform(post("/api/v1/economics/scenarios/{id}/copy", id)
                        .with(as("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Test: copy\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String copyId = JsonPath.read(copy, "$.id");
        mvc.perform(delete("/api/v1/economics/scenarios/{id}", copyId).with(as("analytiker")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/economics/scenarios/{id}", copyId).with(as("analytiker")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @Test
    void badInputIsAnsweredWithProblemDetailsNamingEachField() throws Exception {
        Scenario first = shipped(0);
        mvc.perform(
                        post("/api/v1/economics/scenarios/{id}/items", first.id())
                                .with(as("analytiker"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\" \",\"kind\":\"WEEKLY\",\"amount\":-5,\"splitKey\":\"FLAT:40;POPULATION:50\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("name", "kind", "amount", "splitKey")))
                .andExpect(jsonPath("$.errors[?(@.field == 'splitKey')].message")
                        .value(hasItem(containsString("add up to 90"))));
        mvc.perform(put("/api/v1/economics/assumptions")
                        .with(as("analytiker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referenceCostPerInhabitant\":326,\"salaryPerFte\":0,\"hoursPerFte\":1950,"
                                + "\"horizonYears\":40}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("salaryPerFte", "horizonYears")));
        mvc.perform(get("/api/v1/economics/scenarios/{id}/results?years=0", first.id())
                        .with(as("analytiker")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("years"));
        mvc.perform(put("/api/v1/economics/survey/1813")
                        .with(as("analytiker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licence\":100}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(5)));
    }

    @Test
    void rolesDecideWhoSeesAndWhoChanges() throws Exception {
        mvc.perform(get("/api/v1/economics/scenarios").with(as("operator"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/economics/scenarios")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/economics/scenarios")
                        .with(as("admin.bronnoy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Not allowed\"}"))
                .andExpect(status().isForbidden());
        // a municipal administrator answers for their own municipality, not for another
        mvc.perform(put("/api/v1/economics/survey/1813")
                        .with(as("admin.bronnoy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licence\":1,\"operationsAgreement\":2,\"integration\":3,\"administration\":4,"
                                + "\"storageServer\":5,\"manualFollowUpHours\":1950,\"activeDevices\":300}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(true))
                .andExpect(jsonPath("$.activeDevices").value(300));
        mvc.perform(get("/api/v1/economics/as-is").with(as("admin.bronnoy")))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '1813')].direct")
                        .value(15.0))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '1813')].hoursCost")
                        .value(805000.0));
        mvc.perform(put("/api/v1/economics/survey/1833")
                        .with(as("admin.bronnoy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void openApiDocumentsTheEconomicsApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/economics/scenarios/{id}/results'].get.summary")
                        .value(containsString("Results")))
                .andExpect(jsonPath("$.paths['/api/v1/economics/survey/import'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/economics/scenarios/{id}/report.pdf'].get")
                        .exists())
                .andExpect(jsonPath("$.tags[?(@.name == 'Economics')]").exists());
    }

    private Scenario shipped(int index) {
        return scenarios.all().stream()
                .filter(s -> s.name().startsWith("Scenario " + (index + 1)))
                .findFirst()
                .orElseThrow();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
