package no.varde.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator: health and its probes are open, everything else (metrics included) needs the scrape account or a
 * system administrator. The test profile sets the scrape account's password (application-test.yml).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActuatorSecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SecurityProperties properties;

    @Test
    void anonymousGets401ForMetricsAndInfo() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndItsProbesAnswerWithoutSignIn() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void theScrapeAccountAndSystemAdministratorsReadTheMetricsOtherRolesDoNot() throws Exception {
        mvc.perform(get("/actuator/prometheus")
                        .with(httpBasic(
                                properties.metrics().username(),
                                properties.metrics().password())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_")));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")
                        .with(httpBasic(properties.metrics().username(), "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theScrapeAccountOpensNothingButTheActuator() throws Exception {
        mvc.perform(get("/api/v1/residents")
                        .with(httpBasic(
                                properties.metrics().username(),
                                properties.metrics().password())))
                .andExpect(status().isUnauthorized());
    }
}
