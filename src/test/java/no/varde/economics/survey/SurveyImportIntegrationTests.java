package no.varde.economics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class SurveyImportIntegrationTests {

    private static final String HEADER = "kommunenummer;kommune;innbyggere;lisens_nok;driftsavtale_nok;integrasjon_nok;"
            + "admin_nok;lagring_server_nok;manuell_oppfolging_timer;aktive_enheter\n";

    @Autowired
    SurveyImport surveyImport;

    @Autowired
    SurveyAnswers answers;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void everyBadCellIsReportedByRowAndColumnAndNothingIsImported() {
        Map<Kommunenummer, SurveyAnswer> before = answers.all();
        String csv = HEADER
                + "1811;Bindal;1493;1;2;3;4;5;6;\n" // fine, but must not be imported either
                + "1812;Sømna;2091;12x;2;3;4;5;6;\n" // D3 licence not a number
                + "99;Nowhere;1;1;2;3;4;5;6;\n" // A4 bad kommunenummer
                + "1813;Brønnøy;8440;1;;3;4;5;;\n" // E5 and I5 empty in a partly answered row
                + "1811;Bindal;1493;;;;;;;\n" // A6 duplicate
                + "9999;Ukjent;1;;;;;;;\n" // A7 unknown in the registry
                + "1815;Vega;1263;1;2;3;4;5;-6;1,5\n"; // I8 negative hours, J8 not a whole number
        assertThatThrownBy(() -> surveyImport.importFile("survey.csv", csv.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(
                        SurveyImportRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(CellProblem::row, CellProblem::column, CellProblem::cell)
                                .containsExactly(
                                        tuple(3, "lisens_nok", "D3"),
                                        tuple(4, "kommunenummer", "A4"),
                                        tuple(5, "driftsavtale_nok", "E5"),
                                        tuple(5, "manuell_oppfolging_timer", "I5"),
                                        tuple(6, "kommunenummer", "A6"),
                                        tuple(7, "kommunenummer", "A7"),
                                        tuple(8, "manuell_oppfolging_timer", "I8"),
                                        tuple(8, "aktive_enheter", "J8")))
                .hasMessageContaining("VARDE-ECON-0010")
                .hasMessageContaining("8 problem(s)");
        assertThat(answers.all()).isEqualTo(before);
    }

    @Test
    void missingColumnsAndEmptyFilesAreRejected() {
        assertThatThrownBy(() -> surveyImport.importFile(
                        "x.csv", "kommunenummer;lisens_nok\n1811;1\n".getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(
                        SurveyImportRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(CellProblem::row, CellProblem::column)
                                .containsExactly(
                                        tuple(1, "driftsavtale_nok"),
                                        tuple(1, "integrasjon_nok"),
                                        tuple(1, "admin_nok"),
                                        tuple(1, "lagring_server_nok"),
                                        tuple(1, "manuell_oppfolging_timer")));
        assertThatThrownBy(() -> surveyImport.importFile("x.csv", HEADER.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(
                        SurveyImportRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(CellProblem::key)
                                .containsExactly("economics.import.error.noRows"));
    }

    @Test
    void xlsxIsReadFromItsFirstSheetWithNumbersAsNumbers() throws IOException {
        byte[] good = xlsx(List.of(
                List.of("1811", "Bindal", 1493, 1000.5, 2000, 3000, 4000, 5000, 100, 40),
                List.of("1815", "Vega", 1263, "", "", "", "", "", "", 12)));
        List<SurveyAnswer> imported = surveyImport.importFile("survey.xlsx", good, "test");
        assertThat(imported).hasSize(2);
        SurveyAnswer bindal = answers.find(Kommunenummer.of("1811")).orElseThrow();
        assertThat(bindal.costs().licence().amount()).isEqualByComparingTo("1000.50");
        assertThat(bindal.costs().manualFollowUpHours()).isEqualByComparingTo("100");
        assertThat(bindal.activeDevices()).isEqualTo(40);
        SurveyAnswer vega = answers.find(Kommunenummer.of("1815")).orElseThrow();
        assertThat(vega.answered()).isFalse();
        assertThat(vega.activeDevices()).isEqualTo(12);

        byte[] bad = xlsx(List.of(List.of("1811", "Bindal", 1493, -1, "mye", 3000, 4000, 5000.123, 100, 40)));
        assertThatThrownBy(() -> surveyImport.importFile("survey.xlsx", bad, "test"))
                .isInstanceOfSatisfying(
                        SurveyImportRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(CellProblem::cell, CellProblem::value)
                                .containsExactly(tuple("D2", "-1"), tuple("E2", "mye"), tuple("H2", "5000.123")));
        assertThat(answers.find(Kommunenummer.of("1811"))
                        .orElseThrow()
                        .costs()
                        .licence()
                        .amount())
                .isEqualByComparingTo("1000.50");
    }

    @Test
    void apiAnswersARejectedImportWithProblemDetailsPerCell() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "survey.csv",
                "text/csv",
                (HEADER + "1812;Sømna;2091;12x;2;3;4;5;6;\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/economics/survey/import")
                        .file(file)
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://varde.no/problems/invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("lisens_nok"))
                .andExpect(jsonPath("$.errors[0].cell").value("D2"));
        mvc.perform(multipart("/api/v1/economics/survey/import")
                        .file(file)
                        .with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void pageListsTheProblemsInTheUsersLanguage() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "survey.csv",
                "text/csv",
                (HEADER + "1812;Sømna;2091;12x;2;3;4;5;6;\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/economics/survey/import")
                        .file(file)
                        .with(csrf())
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen har 1 feil. Ingenting er importert.")))
                .andExpect(content().string(containsString("«12x» er ikke et beløp")))
                .andExpect(content().string(containsString("<td>D2</td>")));
    }

    @Test
    void theDemoFileImportsAsItIs() throws IOException {
        byte[] demo = getClass().getResourceAsStream("/demo/helgeland-demo.csv").readAllBytes();
        assertThat(surveyImport.importFile("helgeland-demo.csv", demo, "test")).hasSize(18);
    }

    private static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Kartlegging");
            String[] header = HEADER.strip().split(";");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
