package no.varde.economics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.varde.economics.model.Scenario;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.economics.survey.SurveyAnswers;
import no.varde.shared.Kommunenummer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class EconomicsPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ScenarioCatalogue scenarios;

    @Autowired
    SurveyAnswers answers;

    @Test
    void overviewShowsTheRegionAndBothScenarios() throws Exception {
        mvc.perform(get("/economics").with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("26\u00A0500\u00A0000 kr")))
                .andExpect(content().string(containsString("318,86 kr")))
                .andExpect(content().string(containsString("Scenario 1: Nytt felles responssenter")))
                .andExpect(content().string(containsString("Scenario 2: Tilknytning til eksisterende responssenter")))
                .andExpect(content().string(containsString("17\u00A0000\u00A0000")))
                .andExpect(content().string(containsString("14\u00A0500\u00A0000")))
                .andExpect(content().string(containsString("href=\"/economics\"")));
        mvc.perform(get("/economics?lang=en").with(as("admin.bronnoy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The region&#39;s costs today")))
                .andExpect(content().string(containsString("26,500,000")))
                .andExpect(content().string(not(containsString("action=\"/economics/assumptions\""))));
    }

    @Test
    void scenarioPageShowsFirstYearSteadyStateHorizonAndWhoPaysMore() throws Exception {
        Scenario first = shipped(1);
        mvc.perform(get("/economics/scenarios/{id}", first.id()).with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-figure=\"firstYear-tobe\">17\u00A0000\u00A0000 kr")))
                .andExpect(content().string(containsString("data-figure=\"steadyState-percent\">52,8\u00A0%")))
                .andExpect(content().string(containsString("data-figure=\"fte-tobe\">6,00")))
                .andExpect(content().string(containsString("Sum over 4 år")))
                .andExpect(content().string(containsString("Vevelstad")))
                .andExpect(content().string(containsString("betaler mer")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesPattern(
                                "(?s).*/webjars/chart.js/[0-9.]+/dist/chart.umd.js.*")))
                .andExpect(content().string(containsString("Følsomhet (±20 %)")));
        mvc.perform(get("/economics/scenarios/{id}?years=10", first.id()).with(as("analytiker")))
                .andExpect(content().string(containsString("Sum over 10 år")))
                .andExpect(content().string(containsString("129\u00A0500\u00A0000 kr")));
        mvc.perform(get("/economics/scenarios/{id}/charts.json", first.id()).with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalities.labels.length()").value(18))
                .andExpect(jsonPath("$.years.datasets[1].data[0]").value(17000000.0))
                .andExpect(jsonPath("$.tornado.labels[0]").value("Dagens rapporterte kostnader"));
    }

    @Test
    void chartLibraryIsServedWhereThePageLoadsIt() throws Exception {
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/js/economics.js")).andExpect(status().isOk());
    }

    @Test
    void analystAddsACostItemThroughTheForm() throws Exception {
        Scenario copy = scenarios.copy(shipped(2).id(), "Sidevariant");
        mvc.perform(post("/economics/scenarios/{id}/items", copy.id())
                        .with(as("analytiker"))
                        .with(csrf())
                        .param("name", "Opplæring")
                        .param("kind", "ONE_OFF")
                        .param("amount", "250 000,50")
                        .param("fte", "0")
                        .param("flat", "100"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/economics/scenarios/*"));
        Scenario changed = scenarios.get(copy.id());
        assertThat(changed.items()).hasSize(4);
        assertThat(changed.oneOffTotal().amount()).isEqualByComparingTo("2250000.50");
        mvc.perform(post("/economics/scenarios/{id}/items", copy.id())
                        .with(as("analytiker"))
                        .with(csrf())
                        .param("name", "")
                        .param("kind", "ANNUAL")
                        .param("amount", "tusen")
                        .param("flat", "30")
                        .param("population", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rett feilene som er markert")))
                .andExpect(content().string(containsString("Vektene må være hele prosent og til sammen 100.")))
                .andExpect(content().string(containsString("Skriv et beløp på null eller mer")));
        assertThat(scenarios.get(copy.id()).items()).hasSize(4);
    }

    @Test
    void scenarioFormsCreateEditAndCopy() throws Exception {
        mvc.perform(get("/economics/scenarios/new").with(as("analytiker"))).andExpect(status().isOk());
        mvc.perform(post("/economics/scenarios")
                        .with(as("sysadmin"))
                        .with(csrf())
                        .param("name", "Egen variant")
                        .param("description", "Prøver 25 % gjenstående oppfølging")
                        .param("remainingManualSharePercent", "25"))
                .andExpect(status().is3xxRedirection());
        Scenario created = scenarios.all().stream()
                .filter(s -> s.name().equals("Egen variant"))
                .findFirst()
                .orElseThrow();
        assertThat(created.remainingManualSharePercent()).isEqualByComparingTo("25");
        mvc.perform(get("/economics/scenarios/{id}/edit", created.id()).with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Egen variant\"")));
        mvc.perform(post("/economics/scenarios/{id}/copy", shipped(1).id())
                        .with(as("analytiker"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(scenarios.all())
                .extracting(Scenario::name)
                .contains("Kopi av Scenario 1: Nytt felles responssenter");
        Scenario shipped = shipped(1);
        mvc.perform(get(
                                "/economics/scenarios/{id}/items/{item}/edit",
                                shipped.id(),
                                shipped.items().get(0).id())
                        .with(as("analytiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"40\"")))
                .andExpect(content().string(containsString("value=\"60\"")));
    }

    @Test
    void municipalAdministratorEditsOwnSurveyAnswerOnly() throws Exception {
        mvc.perform(get("/economics/survey").with(as("admin.bronnoy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/economics/survey/1813/edit")))
                .andExpect(content().string(not(containsString("/economics/survey/1833/edit"))))
                .andExpect(content().string(not(containsString("/economics/survey/import"))));
        mvc.perform(get("/economics/survey/1813/edit").with(as("admin.bronnoy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"547804\"")));
        mvc.perform(post("/economics/survey/1813")
                        .with(as("admin.bronnoy"))
                        .with(csrf())
                        .param("licence", "500 000")
                        .param("operationsAgreement", "400000")
                        .param("integration", "200000")
                        .param("administration", "144159,50")
                        .param("storageServer", "115327")
                        .param("manualFollowUpHours", "3000"))
                .andExpect(status().is3xxRedirection());
        assertThat(answers.find(Kommunenummer.of("1813"))
                        .orElseThrow()
                        .costs()
                        .administration()
                        .amount())
                .isEqualByComparingTo("144159.50");
        mvc.perform(get("/economics/survey/1833/edit").with(as("admin.bronnoy")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/economics/survey/1833")
                        .with(as("admin.bronnoy"))
                        .with(csrf())
                        .param("licence", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/economics").with(as("operator"))).andExpect(status().isForbidden());
    }

    private Scenario shipped(int number) {
        return scenarios.all().stream()
                .filter(s -> s.name().startsWith("Scenario " + number))
                .findFirst()
                .orElseThrow();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
