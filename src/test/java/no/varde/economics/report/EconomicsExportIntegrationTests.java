package no.varde.economics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.economics.model.Scenario;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class EconomicsExportIntegrationTests {

    private static final Pattern FIGURE = Pattern.compile("data-figure=\"([a-zA-Z-]+)\">([^<]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ScenarioCatalogue scenarios;

    @Test
    void pdfTextContainsTheFiguresShownOnScreen() throws Exception {
        for (Scenario scenario : shipped()) {
            String page = mvc.perform(
                            get("/economics/scenarios/{id}", scenario.id()).with(as("analytiker")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> figures = new ArrayList<>();
            Matcher matcher = FIGURE.matcher(page);
            while (matcher.find()) {
                if (!matcher.group(2).isBlank()) {
                    figures.add(normalise(matcher.group(2)));
                }
            }
            assertThat(figures).hasSizeGreaterThanOrEqualTo(21);

            byte[] pdf = mvc.perform(get("/economics/scenarios/{id}/report.pdf", scenario.id())
                            .with(as("analytiker")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = normalise(new PDFTextStripper().getText(document));
                assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
                assertThat(text)
                        .contains("Beslutningsgrunnlag: " + scenario.name())
                        .contains("Laget ")
                        .contains("Arne Analytiker")
                        .contains("Vevelstad")
                        .contains("Forutsetninger")
                        .contains("805 000 kr per årsverk");
                assertThat(figures).allSatisfy(figure -> assertThat(text).contains(figure));
            }
        }
    }

    @Test
    void pdfForTheFirstScenarioHasTheSourceAnalysisFigures() throws Exception {
        Scenario first = shipped().getFirst();
        byte[] pdf = mvc.perform(get("/api/v1/economics/scenarios/{id}/report.pdf?lang=en", first.id())
                        .with(as("sysadmin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = normalise(new PDFTextStripper().getText(document));
            assertThat(text)
                    .contains("Decision report")
                    .contains("26,500,000 kr")
                    .contains("17,000,000 kr")
                    .contains("12,500,000 kr")
                    .contains("9,500,000 kr")
                    .contains("52.8 %")
                    .contains("318.86 kr");
        }
    }

    @Test
    void xlsxOpensWithPoiWithOneSheetPerViewAndNumbersAsNumbers() throws Exception {
        Scenario first = shipped().getFirst();
        byte[] xlsx = mvc.perform(
                        get("/economics/scenarios/{id}/export.xlsx", first.id()).with(as("admin.bronnoy")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "Sammendrag",
                            "Per kommune",
                            "Fordeling per post",
                            "År for år",
                            "Følsomhet",
                            "Kartlegging",
                            "Forutsetninger");

            Sheet summary = workbook.getSheet("Sammendrag");
            Row toBe = rowStartingWith(summary, "Framtid");
            assertThat(toBe.getCell(1).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(toBe.getCell(1).getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
            assertThat(toBe.getCell(1).getNumericCellValue()).isEqualTo(17_000_000.0);
            assertThat(toBe.getCell(2).getNumericCellValue()).isEqualTo(12_500_000.0);
            assertThat(toBe.getCell(3).getNumericCellValue()).isEqualTo(54_500_000.0);
            assertThat(rowStartingWith(summary, "I dag").getCell(2).getNumericCellValue())
                    .isEqualTo(26_500_000.12);

            Sheet municipalities = workbook.getSheet("Per kommune");
            assertThat(municipalities.getLastRowNum()).isEqualTo(19);
            assertThat(municipalities.getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(1493.0);

            Sheet split = workbook.getSheet("Fordeling per post");
            for (int column = 2; column < 5; column++) {
                double sum = 0;
                for (int r = 2; r < 20; r++) {
                    sum += split.getRow(r).getCell(column).getNumericCellValue();
                }
                assertThat(Math.round(sum * 100))
                        .isEqualTo(Math.round(split.getRow(20).getCell(column).getNumericCellValue() * 100));
            }
            assertThat(split.getRow(20).getCell(4).getNumericCellValue()).isEqualTo(4_500_000.0);
            assertThat(workbook.getSheet("År for år").getLastRowNum()).isEqualTo(4);
        }
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null
                    && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private List<Scenario> shipped() {
        return scenarios.all().stream()
                .filter(s -> s.name().startsWith("Scenario "))
                .toList();
    }

    private static String normalise(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("[ \\t]+", " ");
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
