package no.varde.economics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import no.varde.economics.model.Scenario;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The decision report prints Sámi letters with the embedded font and its time in Europe/Oslo. */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionReportPdfIntegrationTests {

    static final String SAMI = "Guovdageaidnu – Kárášjohka: ŋ Ŋ š ž č đ ŧ á ǥ ǩ ǯ ʒ";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioCatalogue scenarios;

    @Autowired
    UserDetailsService users;

    @Test
    void samiLettersArePrintedWithTheEmbeddedFontAndTheTimeIsOsloTime() throws Exception {
        Scenario shipped = scenarios.all().getFirst();
        Scenario copy = scenarios.copy(shipped.id(), SAMI + " " + System.nanoTime());
        Instant before = Instant.now();
        byte[] pdf = mvc.perform(get("/economics/scenarios/{id}/report.pdf", copy.id())
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00A0', ' ');
            assertThat(text).contains(SAMI).doesNotContain("#");
            Set<String> fonts = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
            DateTimeFormatter oslo = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH", new Locale("nb"))
                    .withZone(ZoneId.of("Europe/Oslo"));
            assertThat(text).containsAnyOf(oslo.format(before), oslo.format(Instant.now()));
        }
        scenarios.delete(copy.id());
    }
}
