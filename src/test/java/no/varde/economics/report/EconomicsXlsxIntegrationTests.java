package no.varde.economics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.model.Comparison;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.RegionResult;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.YearResult;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workbook freezes its header rows, writes split keys as an analyst reads them, and computes its totals,
 * subtotals, per-inhabitant figures, shares and FTE with formulas whose values are Varde's own figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EconomicsXlsxIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioCatalogue scenarios;

    @Autowired
    Analyses analyses;

    private byte[] export(no.varde.economics.model.ScenarioId id) throws Exception {
        return mvc.perform(get("/api/v1/economics/scenarios/{id}/export.xlsx", id)
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void totalsSubtotalsPerInhabitantFiguresAndSharesAreFormulasThatEvaluateToVardesFigures() throws Exception {
        for (var scenario : scenarios.all()) {
            ScenarioResult result = analyses.result(scenario.id(), null);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(scenario.id())))) {
                FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
                Sheet municipalities = book.getSheet("Per kommune");
                List<MunicipalityResult> ms = result.municipalities();
                for (int i = 0; i < ms.size(); i++) {
                    MunicipalityResult m = ms.get(i);
                    Row row = municipalities.getRow(1 + i);
                    assertThat(row.getCell(0).getStringCellValue())
                            .isEqualTo(m.kommunenummer().value());
                    money(evaluator, row.getCell(4), m.asIsDirect());
                    money(evaluator, row.getCell(5), m.asIsHoursCost());
                    money(evaluator, row.getCell(6), m.asIsTotal());
                    money(evaluator, row.getCell(9), m.remainingHoursCost());
                    money(evaluator, row.getCell(10), m.toBeAnnual());
                    money(evaluator, row.getCell(11), m.toBeOneOff());
                    comparison(evaluator, row, m.steadyState(), m.firstYear(), m.horizon());
                    number(evaluator, row.getCell(20), m.staffing().asIsFte());
                    number(evaluator, row.getCell(21), m.staffing().toBeFte());
                    assertThat(evaluator.evaluate(row.getCell(22)).getStringValue())
                            .isEqualTo(m.steadyState().paysMore() ? "Ja" : "Nei");
                    double share = result.region().toBeAnnual().amount().signum() == 0
                            ? 0
                            : m.toBeAnnual().amount().doubleValue()
                                    / result.region().toBeAnnual().amount().doubleValue();
                    assertThat(formula(evaluator, row.getCell(23))).isCloseTo(share, within(1e-9));
                }
                RegionResult region = result.region();
                Row total = municipalities.getRow(1 + ms.size());
                assertThat(formula(evaluator, total.getCell(2))).isEqualTo(region.population());
                money(evaluator, total.getCell(4), region.asIsDirect());
                money(evaluator, total.getCell(5), region.asIsHoursCost());
                money(evaluator, total.getCell(6), region.asIsTotal());
                money(evaluator, total.getCell(10), region.toBeAnnual());
                money(evaluator, total.getCell(11), region.toBeOneOff());
                comparison(evaluator, total, region.steadyState(), region.firstYear(), region.horizon());
                number(evaluator, total.getCell(18), region.staffing().asIsHours());
                number(evaluator, total.getCell(19), region.staffing().toBeHours());
                number(evaluator, total.getCell(20), region.staffing().asIsFte());
                number(evaluator, total.getCell(21), region.staffing().toBeFte());
                assertThat(formula(evaluator, total.getCell(22)))
                        .isEqualTo(region.payingMoreSteadyState().size());

                Sheet split = book.getSheet("Fordeling per post");
                int items = result.scenario().items().size();
                Row splitTotal = split.getRow(2 + ms.size());
                for (int i = 0; i < items; i++) {
                    // each share is Varde's value (largest-remainder split); the column total is a formula
                    assertThat(split.getRow(2).getCell(2 + i).getCellType()).isEqualTo(CellType.NUMERIC);
                    money(
                            evaluator,
                            splitTotal.getCell(2 + i),
                            result.scenario().items().get(i).amount());
                }
                assertThat(formula(evaluator, splitTotal.getCell(2 + items + 3)))
                        .isCloseTo(1.0, within(1e-9));
                assertThat(split.getRow(0).getCell(2 + items + 4).getStringCellValue())
                        .isEqualTo("Grunnlag: innbyggertall");
                assertThat(split.getRow(2).getCell(2 + items + 4).getNumericCellValue())
                        .isEqualTo(ms.getFirst().population());

                Sheet summary = book.getSheet("Sammendrag");
                Row asIs = summary.getRow(5);
                money(evaluator, asIs.getCell(1), region.firstYear().asIs());
                money(evaluator, asIs.getCell(3), region.horizon().asIs());
                money(
                        evaluator,
                        summary.getRow(6).getCell(1),
                        region.firstYear().toBe());
                money(evaluator, summary.getRow(6).getCell(3), region.horizon().toBe());
                money(
                        evaluator,
                        summary.getRow(7).getCell(2),
                        region.steadyState().savings());
                number(evaluator, summary.getRow(8).getCell(3), region.horizon().savingsPercent());
                money(
                        evaluator,
                        summary.getRow(9).getCell(2),
                        region.steadyState().asIsPerInhabitant());
                money(
                        evaluator,
                        summary.getRow(10).getCell(1),
                        region.firstYear().toBePerInhabitant());

                Sheet years = book.getSheet("År for år");
                for (YearResult year : result.years()) {
                    Row row = years.getRow(year.year());
                    money(evaluator, row.getCell(2), year.toBe());
                    money(evaluator, row.getCell(3), year.savings());
                    money(evaluator, row.getCell(4), year.cumulativeSavings());
                }
            }
        }
    }

    @Test
    void anAnalystWhoChangesAnInputSeesTheTotalsMove() throws Exception {
        var scenario = scenarios.all().getFirst();
        ScenarioResult result = analyses.result(scenario.id(), null);
        int answered = -1;
        for (int i = 0; i < result.municipalities().size() && answered < 0; i++) {
            answered = result.municipalities().get(i).estimated() ? -1 : i;
        }
        assertThat(answered).as("a municipality that answered the survey").isNotNegative();
        int rows = result.municipalities().size();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(scenario.id())))) {
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            Cell licence = book.getSheet("Kartlegging").getRow(1 + answered).getCell(3);
            licence.setCellValue(licence.getNumericCellValue() + 1000);
            evaluator.clearAllCachedResultValues();
            Row region = book.getSheet("Per kommune").getRow(1 + rows);
            assertThat(formula(evaluator, region.getCell(6)))
                    .isCloseTo(result.region().asIsTotal().amount().doubleValue() + 1000, within(0.001));
            assertThat(formula(evaluator, book.getSheet("Sammendrag").getRow(7).getCell(2)))
                    .isCloseTo(result.region().steadyState().savings().amount().doubleValue() + 1000, within(0.001));

            // a salary 10 % higher raises every hour's cost and so today's total
            Cell salary = book.getSheet("Forutsetninger").getRow(1).getCell(1);
            salary.setCellValue(salary.getNumericCellValue() * 1.1);
            evaluator.clearAllCachedResultValues();
            assertThat(formula(evaluator, region.getCell(5)))
                    .isCloseTo(result.region().asIsHoursCost().amount().doubleValue() * 1.1, within(1.0));
        }
    }

    private static double formula(FormulaEvaluator evaluator, Cell cell) {
        assertThat(cell.getCellType())
                .as("%s!%s is a formula", cell.getSheet().getSheetName(), cell.getAddress())
                .isEqualTo(CellType.FORMULA);
        return evaluator.evaluate(cell).getNumberValue();
    }

    private static void money(FormulaEvaluator evaluator, Cell cell, Nok expected) {
        assertThat(formula(evaluator, cell))
                .as("%s!%s (%s)", cell.getSheet().getSheetName(), cell.getAddress(), cell.getCellFormula())
                .isCloseTo(expected.amount().doubleValue(), within(0.005));
    }

    private static void number(FormulaEvaluator evaluator, Cell cell, BigDecimal expected) {
        assertThat(formula(evaluator, cell))
                .as("%s!%s (%s)", cell.getSheet().getSheetName(), cell.getAddress(), cell.getCellFormula())
                .isCloseTo(expected.doubleValue(), within(0.0001));
    }

    /** Per-inhabitant figures, savings and percentages of the steady state, first year and horizon columns. */
    private static void comparison(
            FormulaEvaluator evaluator, Row row, Comparison steady, Comparison firstYear, Comparison horizon) {
        money(evaluator, row.getCell(7), steady.asIsPerInhabitant());
        money(evaluator, row.getCell(12), firstYear.toBe());
        money(evaluator, row.getCell(13), steady.toBePerInhabitant());
        money(evaluator, row.getCell(14), steady.savings());
        number(evaluator, row.getCell(15), steady.savingsPercent());
        money(evaluator, row.getCell(16), firstYear.savings());
        money(evaluator, row.getCell(17), horizon.savings());
    }

    @Test
    void everySheetFreezesItsHeaderAndNoRawSplitKeyIsLeft() throws Exception {
        byte[] xlsx = mvc.perform(get(
                                "/api/v1/economics/scenarios/{id}/export.xlsx",
                                scenarios.all().getFirst().id())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        boolean readable = false;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                assertThat(sheet.getPaneInformation())
                        .as("freeze pane of %s", sheet.getSheetName())
                        .isNotNull();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue())
                                    .doesNotContain("FLAT:")
                                    .doesNotContain("POPULATION:");
                            readable |= cell.getStringCellValue().contains("40 % flatt");
                        }
                    }
                }
            }
        }
        assertThat(readable).isTrue();
    }
}
