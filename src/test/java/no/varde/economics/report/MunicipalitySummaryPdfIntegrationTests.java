package no.varde.economics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one-page summary per municipality for a council decision: one page, the municipality's own figures as Varde
 * computes them, Norwegian letters in the embedded font, for the economics' readers only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MunicipalitySummaryPdfIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioCatalogue scenarios;

    @Autowired
    Analyses analyses;

    @Autowired
    UserDetailsService users;

    @Test
    void everyMunicipalityGetsOnePageWithItsOwnFiguresAndNorwegianLettersPrint() throws Exception {
        Scenario scenario = scenarios.all().getFirst();
        ScenarioResult result = analyses.result(scenario.id(), null);
        Formats nb = Formats.of(Locale.forLanguageTag("nb"));
        for (MunicipalityResult m : result.municipalities()) {
            byte[] pdf = mvc.perform(get(
                                    "/api/v1/economics/scenarios/{id}/municipalities/{k}/summary.pdf",
                                    scenario.id(),
                                    m.kommunenummer().value())
                            .with(httpBasic("analytiker", "varde-demo")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages())
                        .as("pages for %s", m.name())
                        .isEqualTo(1);
                String text = flat(new PDFTextStripper().getText(document));
                assertThat(text)
                        .contains(m.name())
                        .contains(m.kommunenummer().value())
                        .contains(scenario.name())
                        .contains(flat(nb.integer(m.population())))
                        .contains(flat(nb.nok(m.asIsTotal()) + " kr"))
                        .contains(flat(nb.nok(m.toBeAnnual()) + " kr"))
                        .contains(flat(nb.nok(m.toBeOneOff()) + " kr"))
                        .contains(flat(nb.nok(m.steadyState().savings()) + " kr"))
                        .contains(flat(nb.percent(m.steadyState().savingsPercent())))
                        .contains(flat(nb.nok(m.firstYear().savings()) + " kr"))
                        .contains(flat(nb.nok(m.horizon().savings()) + " kr"))
                        .contains(flat(nb.ore(m.steadyState().asIsPerInhabitant())))
                        .contains(flat(nb.ore(m.steadyState().toBePerInhabitant())))
                        .contains(flat(nb.decimal(m.staffing().asIsFte(), 2) + " → "
                                + nb.decimal(m.staffing().toBeFte(), 2)))
                        .contains("Hva samarbeidet koster " + m.name())
                        .contains("Kommunens del")
                        .contains("Innsparing første år")
                        .doesNotContain("#");
                for (int i = 0; i < scenario.items().size(); i++) {
                    assertThat(text)
                            .contains(scenario.items().get(i).name())
                            .contains(flat(nb.nok(m.itemShares().get(i)) + " kr"));
                }
                // the other municipalities' figures are not on its page
                assertThat(text)
                        .doesNotContain(result.municipalities().stream()
                                .filter(other -> !other.equals(m))
                                .map(MunicipalityResult::name)
                                .filter(name -> !m.name().contains(name))
                                .toArray(String[]::new));
                if (m.name().equals("Brønnøy")) {
                    assertThat(text).contains("Brønnøy: hva samarbeidet betyr for kommunen");
                    assertThat(fontsOf(document))
                            .allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
                }
            }
        }
    }

    @Test
    void thePageIsInEnglishOnRequestAndNamedAfterTheMunicipality() throws Exception {
        Scenario scenario = scenarios.all().getFirst();
        byte[] pdf = mvc.perform(get("/economics/scenarios/{id}/municipalities/1813/summary.pdf", scenario.id())
                        .param("lang", "en")
                        .with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("varde-okonomi-bronnoy-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(flat(new PDFTextStripper().getText(document)))
                    .contains("Brønnøy: what the cooperation means for the municipality")
                    .contains("What the cooperation costs Brønnøy");
        }
    }

    @Test
    void onlyTheEconomicsReadersGetItAndAnUnknownMunicipalityIsNotFound() throws Exception {
        Scenario scenario = scenarios.all().getFirst();
        String path = "/api/v1/economics/scenarios/{id}/municipalities/{k}/summary.pdf";
        mvc.perform(get(path, scenario.id(), "1833").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get(path, scenario.id(), "1833").with(httpBasic("hjemme.rana", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get(path, scenario.id(), "0301").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", Matchers.containsString("application/problem+json")));
        mvc.perform(get(path, scenario.id(), "13x3").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get(path, java.util.UUID.randomUUID(), "1833").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isNotFound());
    }

    /** Text as read, with no-break spaces and line breaks as plain spaces (the layout wraps long lines). */
    private static String flat(String text) {
        return text.replaceAll("[\\u00A0\\u202F\\s]+", " ");
    }

    private static Set<String> fontsOf(PDDocument document) throws java.io.IOException {
        Set<String> fonts = new HashSet<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name).getName());
            }
        }
        return fonts;
    }
}
