package no.varde.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staffing workbook: derived figures are formulas over named assumptions, and evaluated they give exactly the
 * plan's own figures (operators per hour, hours a year, FTE, cost, each scenario's check); header rows frozen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffingExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theWorkbooksFormulasGiveThePlansFiguresForErlangCAndErlangA() throws Exception {
        for (String query :
                List.of("alarmsPerYear=40000", "alarmsPerYear=0", "alarmsPerYear=40000&patienceSeconds=120")) {
            String json = mvc.perform(
                            get("/api/v1/planning/staffing?" + query).with(httpBasic("analytiker", "varde-demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            byte[] xlsx = mvc.perform(get("/api/v1/planning/staffing/export.xlsx?" + query)
                            .with(httpBasic("analytiker", "varde-demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
                Sheet summary = book.getSheet("Sammendrag");
                Sheet week = book.getSheet("Uka");
                assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
                assertThat(week.getPaneInformation().isFreezePane()).isTrue();
                assertThat(week.getPaneInformation().getHorizontalSplitPosition())
                        .isEqualTo((short) 1);

                // operators per hour: =MAX(minimumOnDuty, need), equal to the plan's every hour
                List<Integer> operators = JsonPath.read(json, "$.hours[*].operators");
                assertThat(week.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.FORMULA);
                for (int h = 0; h < 168; h++) {
                    assertThat(evaluator.evaluate(week.getRow(h + 1).getCell(5)).getNumberValue())
                            .as("hour %d", h)
                            .isEqualTo(operators.get(h).doubleValue());
                }
                int byMinimum = JsonPath.read(json, "$.hoursDecidedByMinimum");
                assertThat(value(evaluator, summary, 8)).isEqualTo(byMinimum);

                // the year: hours, FTE, minimum FTE and cost are formulas giving the plan's figures
                for (int row : new int[] {1, 3, 4, 5, 6, 7}) {
                    assertThat(summary.getRow(row).getCell(1).getCellType())
                            .as("row %d", row)
                            .isEqualTo(CellType.FORMULA);
                }
                assertThat(value(evaluator, summary, 3)).isEqualTo(number(json, "$.onDutyHoursPerYear"));
                assertThat(value(evaluator, summary, 5)).isEqualTo(number(json, "$.requiredFte"));
                assertThat(value(evaluator, summary, 6)).isEqualTo(number(json, "$.minimumFte"));
                assertThat(value(evaluator, summary, 7)).isEqualTo(number(json, "$.annualCost"));

                // each economics scenario: operators its FTE keep on duty, whether that keeps two, what is missing
                List<Number> average = JsonPath.read(json, "$.scenarios[*].averageOnDuty");
                List<Boolean> keeps = JsonPath.read(json, "$.scenarios[*].keepsMinimum");
                List<Number> missing = JsonPath.read(json, "$.scenarios[*].missingFte");
                assertThat(average).isNotEmpty();
                for (int s = 0; s < average.size(); s++) {
                    var row = summary.getRow(11 + s);
                    assertThat(evaluator.evaluate(row.getCell(2)).getNumberValue())
                            .isEqualTo(average.get(s).doubleValue());
                    assertThat(evaluator.evaluate(row.getCell(3)).getNumberValue())
                            .isEqualTo(keeps.get(s) ? 1.0 : 0.0);
                    assertThat(evaluator.evaluate(row.getCell(4)).getNumberValue())
                            .isCloseTo(missing.get(s).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    @Test
    void theMinimumOfTwoMovesTheFteWhenAnAnalystChangesTheShrinkageInTheWorkbook() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/planning/staffing/export.xlsx?alarmsPerYear=0")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            Sheet summary = book.getSheet("Sammendrag");
            // two on duty around the clock at 1 950 h and 15 % absence: 17 520 ÷ 1 657.5 = 10.57 FTE
            assertThat(value(evaluator, summary, 5)).isEqualTo(10.57);
            var shrinkage = book.getName("shrinkage").getRefersToFormula();
            var ref = new org.apache.poi.ss.util.CellReference(shrinkage);
            book.getSheet(ref.getSheetName())
                    .getRow(ref.getRow())
                    .getCell(ref.getCol())
                    .setCellValue(0);
            evaluator.clearAllCachedResultValues();
            // with no absence at all: 17 520 ÷ 1 950 = 8.98 FTE
            assertThat(value(evaluator, summary, 5)).isEqualTo(8.98);
        }
    }

    /** The PDF states the decision: 6 FTE cannot keep two on duty around the clock; Oslo time, embedded font. */
    @Test
    void thePdfStatesTheDecisionInOsloTimeWithTheEmbeddedFont() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/planning/staffing/report.pdf?alarmsPerYear=0")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        java.time.ZonedDateTime oslo = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Oslo"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replace('\u00A0', ' ')
                    .replace('\u202F', ' ')
                    .replaceAll("\\s+", " ");
            assertThat(text).contains("Planen krever 10,57 årsverk");
            assertThat(text).contains("Kan ikke holde 2 operatører på vakt døgnet rundt; mangler 4,57 årsverk");
            assertThat(text).contains("1,14");
            assertThat(text).contains(oslo.toLocalDate().toString());
            assertThat(text).contains("(norsk tid)");
            java.util.Set<String> fonts = new java.util.HashSet<>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
        }
        mvc.perform(get("/api/v1/planning/staffing/report.pdf").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
    }

    private static double value(FormulaEvaluator evaluator, Sheet sheet, int row) {
        return evaluator.evaluate(sheet.getRow(row).getCell(1)).getNumberValue();
    }

    private static double number(String json, String path) {
        Number n = JsonPath.read(json, path);
        return n.doubleValue();
    }
}
