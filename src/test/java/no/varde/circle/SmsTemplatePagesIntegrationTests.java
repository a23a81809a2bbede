package no.varde.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
 * The circle's pages are reachable from the navigation: the SMS template administration for system administrators
 * (who edit a template there, with a field-named refusal of a bad one), the frequent-alarms list for staff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SmsTemplatePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aSystemAdministratorFindsTheTemplatesInTheNavigationAndSavesANewOne() throws Exception {
        String console = page("sysadmin", "/residents");
        assertThat(console).contains("href=\"/circle/templates\"").contains("href=\"/circle/frequent\"");

        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/circle/templates")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Testmal")
                        .param("body", "Hei {pårørende}, {beboer} har fått hjelp av hjemmetjenesten.")
                        .param("position", "90"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "circle.done.template"));
        assertThat(jdbc.sql("select body from relative_sms_template where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Hei {pårørende}, {beboer} har fått hjelp av hjemmetjenesten.");
        String templates = page("sysadmin", "/circle/templates");
        assertThat(templates).contains(code).contains("class=\"on\"");

        mvc.perform(post("/circle/templates")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Testmal")
                        .param("body", "Ring {lege} på 12345678 nå"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("invalid", org.hamcrest.Matchers.containsString("{lege}")));
        assertThat(jdbc.sql("select body from relative_sms_template where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .as("a refused edit changes nothing")
                .startsWith("Hei {pårørende}");
    }

    @Test
    void anOperatorHasTheFrequentAlarmsListButNotTheTemplateAdministration() throws Exception {
        String residents = page("operator", "/residents");
        assertThat(residents).contains("href=\"/circle/frequent\"").doesNotContain("href=\"/circle/templates\"");
        mvc.perform(get("/circle/templates").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
