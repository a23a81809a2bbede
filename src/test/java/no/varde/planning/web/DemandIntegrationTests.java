package no.varde.planning.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's illustrative projection to 2050, and an import that is rejected whole. */
@SpringBootTest
@AutoConfigureMockMvc
class DemandIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void theDemoProjectionGivesUsersAlarmsAndFteTo2050AndABadFileChangesNothing() throws Exception {
        mvc.perform(get("/api/v1/planning/demand").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source.label", Matchers.startsWith("ILLUSTRATIV DEMO")))
                .andExpect(jsonPath("$.years", hasSize(5)))
                .andExpect(jsonPath("$.years[0].year").value(2030))
                .andExpect(jsonPath("$.years[4].year").value(2050))
                .andExpect(jsonPath("$.years[0].municipalities", hasSize(18)))
                .andExpect(jsonPath("$.years[4].alarms", Matchers.greaterThan(40000)));
        MockMultipartFile bad = new MockMultipartFile(
                "file",
                "bad.csv",
                "text/csv",
                "region;alder;år;personer\n1833 Rana;85 år;2030;..\n9999;85 år;2030;3\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/planning/population/import")
                        .file(bad)
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].row").value(2));
        mvc.perform(multipart("/api/v1/planning/population/import")
                        .file(bad)
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/planning/demand").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(jsonPath("$.years", hasSize(5)));
        mvc.perform(get("/planning/demand").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"demand\"")));
    }

    @Autowired
    no.varde.planning.demand.DemandForecast forecast;

    @Autowired
    no.varde.planning.StaffingPlanner planner;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The figures docs/planning.md states for the demo's illustrative projection and the assumed 20 per user. */
    @Test
    void theDemoProjectionsFiguresFor2030And2050() {
        var assumed = no.varde.planning.demand.AlarmsPerUser.of(
                0,
                0,
                java.time.YearMonth.of(2025, 12),
                java.time.YearMonth.of(2026, 11),
                0,
                100,
                new java.math.BigDecimal("20"));
        var years = forecast.forecast(assumed);
        var y2030 = years.stream().filter(y -> y.year() == 2030).findFirst().orElseThrow();
        var y2050 = years.stream().filter(y -> y.year() == 2050).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(y2030.inhabitants()).isEqualTo(83_251);
        org.assertj.core.api.Assertions.assertThat(y2030.inhabitants80plus()).isEqualTo(7_169);
        org.assertj.core.api.Assertions.assertThat(y2030.users()).isEqualByComparingTo("2123");
        org.assertj.core.api.Assertions.assertThat(y2030.alarms()).isEqualTo(42_471);
        org.assertj.core.api.Assertions.assertThat(y2050.inhabitants()).isEqualTo(85_909);
        org.assertj.core.api.Assertions.assertThat(y2050.inhabitants80plus()).isEqualTo(12_555);
        org.assertj.core.api.Assertions.assertThat(y2050.users()).isEqualByComparingTo("3326");
        org.assertj.core.api.Assertions.assertThat(y2050.alarms()).isEqualTo(66_520);
        // FTE: the region's alarms of the year through the staffing plan (Erlang C, two on duty, shrinkage)
        for (var y : java.util.List.of(y2030, y2050)) {
            var plan = planner.plan(
                    new no.varde.planning.StaffingParameters(0.95, 60, 300, 0.15, null, (int) y.alarms(), 1));
            org.assertj.core.api.Assertions.assertThat(y.fte()).isEqualByComparingTo(plan.requiredFte());
            org.assertj.core.api.Assertions.assertThat(y.cost()).isEqualByComparingTo(plan.annualCost());
            System.out.printf(
                    "DEMAND %d: inhabitants %d, 80+ %d, users %s, alarms %d, FTE %s, cost %s%n",
                    y.year(), y.inhabitants(), y.inhabitants80plus(), y.users(), y.alarms(), y.fte(), y.cost());
        }
        // measured alarms per user move the alarms (and through them the FTE): 24 a user instead of 20
        var measured = no.varde.planning.demand.AlarmsPerUser.of(
                2_400,
                12,
                java.time.YearMonth.of(2025, 12),
                java.time.YearMonth.of(2026, 11),
                100,
                100,
                new java.math.BigDecimal("20"));
        var y2030measured = forecast.forecast(measured).stream()
                .filter(y -> y.year() == 2030)
                .findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(y2030measured.alarms())
                .isBetween(Math.round(42_471 * 1.2) - 20, Math.round(42_471 * 1.2) + 20);
    }

    /**
     * Alarms per user come from operations when there are enough alarms in the last 12 complete months, else from the
     * assumption, and the API says which: checked against the record counted independently here.
     */
    @Test
    void theApiSaysWhetherAlarmsPerUserAreMeasuredOrAssumed() throws Exception {
        var zone = java.time.ZoneId.of("Europe/Oslo");
        var last = java.time.YearMonth.now(zone).minusMonths(1);
        var first = last.minusMonths(11);
        String json = mvc.perform(get("/api/v1/planning/demand").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alarmsPerUser.from").value(first.toString()))
                .andExpect(jsonPath("$.alarmsPerUser.to").value(last.toString()))
                // the demo's illustrative projection starts in 2030: no base year up to this one, so the assumptions
                .andExpect(jsonPath("$.usersPer1000.source").value("ASSUMED"))
                .andExpect(jsonPath("$.usersPer1000.rates.AGE_80_89").value(160))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long alarms = jdbc.sql("select count(*) from alarm where category = 'ALARM' and received_at >= :from"
                        + " and received_at < :to")
                .param(
                        "from",
                        java.sql.Timestamp.from(
                                first.atDay(1).atStartOfDay(zone).toInstant()))
                .param(
                        "to",
                        java.sql.Timestamp.from(
                                last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query(Long.class)
                .single();
        long residents = jdbc.sql("select count(distinct resident_id) from device where status = 'ACTIVE'"
                        + " and resident_id is not null")
                .query(Long.class)
                .single();
        String source = com.jayway.jsonpath.JsonPath.read(json, "$.alarmsPerUser.source");
        Number value = com.jayway.jsonpath.JsonPath.read(json, "$.alarmsPerUser.value");
        Number counted = com.jayway.jsonpath.JsonPath.read(json, "$.alarmsPerUser.alarms");
        org.assertj.core.api.Assertions.assertThat(counted.longValue()).isEqualTo(alarms);
        if (alarms >= 100 && residents > 0) {
            org.assertj.core.api.Assertions.assertThat(source).isEqualTo("MEASURED");
            int months = com.jayway.jsonpath.JsonPath.read(json, "$.alarmsPerUser.monthsWithAlarms");
            org.assertj.core.api.Assertions.assertThat(value.doubleValue())
                    .isCloseTo(alarms * 12.0 / months / residents, org.assertj.core.data.Offset.offset(0.005));
        } else {
            org.assertj.core.api.Assertions.assertThat(source).isEqualTo("ASSUMED");
            org.assertj.core.api.Assertions.assertThat(value.doubleValue()).isEqualTo(20.0);
        }
        mvc.perform(get("/planning/demand").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-alarms-per-user=\"" + source + "\"")))
                .andExpect(content().string(Matchers.containsString("data-users-per-1000=\"ASSUMED\"")));
    }

    /** The demand workbook's formulas (users, alarms, the region's sums) give the forecast's own figures. */
    @Test
    void theDemandWorkbooksFormulasGiveTheForecastsFigures() throws Exception {
        var years = forecast.forecast();
        byte[] xlsx = mvc.perform(
                        get("/api/v1/planning/demand/export.xlsx").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var evaluator = book.getCreationHelper().createFormulaEvaluator();
            var region = book.getSheet("Regionen");
            org.assertj.core.api.Assertions.assertThat(
                            region.getPaneInformation().isFreezePane())
                    .isTrue();
            for (int i = 0; i < years.size(); i++) {
                var y = years.get(i);
                var row = region.getRow(i + 1);
                org.assertj.core.api.Assertions.assertThat(row.getCell(0).getNumericCellValue())
                        .isEqualTo(y.year());
                org.assertj.core.api.Assertions.assertThat(row.getCell(1).getCellFormula())
                        .startsWith("SUMIF(");
                org.assertj.core.api.Assertions.assertThat(
                                evaluator.evaluate(row.getCell(1)).getNumberValue())
                        .isEqualTo(y.inhabitants());
                org.assertj.core.api.Assertions.assertThat(
                                evaluator.evaluate(row.getCell(2)).getNumberValue())
                        .isEqualTo(y.inhabitants80plus());
                org.assertj.core.api.Assertions.assertThat(
                                evaluator.evaluate(row.getCell(3)).getNumberValue())
                        .isEqualTo(y.users().doubleValue());
                org.assertj.core.api.Assertions.assertThat(
                                evaluator.evaluate(row.getCell(4)).getNumberValue())
                        .isEqualTo(y.alarms());
                org.assertj.core.api.Assertions.assertThat(row.getCell(5).getNumericCellValue())
                        .isEqualTo(y.fte().doubleValue());
            }
            // an analyst doubles the alarms per user: the alarms follow
            var name = new org.apache.poi.ss.util.CellReference(
                    book.getName("alarmsPerUser").getRefersToFormula());
            var cell = book.getSheet(name.getSheetName()).getRow(name.getRow()).getCell(name.getCol());
            cell.setCellValue(cell.getNumericCellValue() * 2);
            evaluator.clearAllCachedResultValues();
            org.assertj.core.api.Assertions.assertThat(
                            evaluator.evaluate(region.getRow(1).getCell(4)).getNumberValue())
                    .isBetween(
                            2.0 * years.getFirst().alarms() - 18,
                            2.0 * years.getFirst().alarms() + 18);
        }
    }
}
