package no.varde.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.varde.economics.StaffingModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The economics' staffing item driven by the planner: planned FTE at the salary, moved by the sensitivity. */
@SpringBootTest
@AutoConfigureMockMvc
class StaffingDrivenScenarioIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffingModel planned;

    @Test
    void aScenarioWhoseStaffingFollowsThePlanMovesWithVolumeAndSalary() throws Exception {
        String list = call(get("/api/v1/economics/scenarios"));
        String shipped = JsonPath.<List<String>>read(list, "$[?(@.name =~ /Scenario 1.*/)].id")
                .getFirst();
        String copy = mvc.perform(post("/api/v1/economics/scenarios/{id}/copy", shipped)
                        .with(httpBasic("analytiker", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"name\": \"Scenario 1 med bemanningsplan " + System.nanoTime() + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = copy.substring(copy.lastIndexOf('/') + 1);
        String scenario = call(get("/api/v1/economics/scenarios/{id}", id));
        String item = JsonPath.<List<String>>read(scenario, "$.items[?(@.fte > 0)].id")
                .getFirst();
        String oneOff = JsonPath.<List<String>>read(scenario, "$.items[?(@.kind == 'ONE_OFF')].id")
                .getFirst();

        mvc.perform(put("/api/v1/economics/scenarios/{id}/items/{item}/staffing-driven", id, oneOff)
                        .with(httpBasic("analytiker", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"staffingDriven\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("staffingDriven"));
        mvc.perform(put("/api/v1/economics/scenarios/{id}/items/{item}/staffing-driven", id, item)
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"staffingDriven\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/economics/scenarios/{id}/items/{item}/staffing-driven", id, item)
                        .with(httpBasic("analytiker", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"staffingDriven\": true}"))
                .andExpect(status().isOk());

        BigDecimal fte = planned.requiredFte(BigDecimal.ONE).setScale(2, java.math.RoundingMode.HALF_UP);
        String results = call(get("/api/v1/economics/scenarios/{id}/results", id));
        assertThat(new BigDecimal(
                        JsonPath.read(results, "$.region.staffing.toBeFte").toString()))
                .isEqualByComparingTo(fte);
        String tornado = call(get("/api/v1/economics/scenarios/{id}/sensitivity", id));
        List<Map<String, Object>> volume = JsonPath.read(tornado, "$.rows[?(@.driver == 'ALARM_VOLUME')]");
        assertThat(volume).hasSize(1);
        assertThat(planned.requiredFte(new BigDecimal("1.2"))).isGreaterThanOrEqualTo(fte);
    }

    private String call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
