package no.varde.economics.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The shipped scenarios side by side, as JSON, page and XLSX. */
@SpringBootTest
@AutoConfigureMockMvc
class ComparisonIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void theShippedScenariosStandSideBySide() throws Exception {
        mvc.perform(get("/api/v1/economics/comparison").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scenarios", hasItem("Scenario 1: Nytt felles responssenter")))
                .andExpect(
                        jsonPath("$.lines[?(@.key == 'economics.compare.firstYear')].values[*]", hasItem(17000000.0)))
                .andExpect(
                        jsonPath("$.lines[?(@.key == 'economics.compare.firstYear')].values[*]", hasItem(14500000.0)));
        mvc.perform(get("/economics/comparison").with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"comparison\"")))
                .andExpect(content().string(Matchers.containsString("17\u00A0000\u00A0000 kr")));
        mvc.perform(get("/economics/comparison.xlsx").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk());
        mvc.perform(get("/economics/comparison?years=99").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/economics/comparison?years=0").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("years"));
    }
}
