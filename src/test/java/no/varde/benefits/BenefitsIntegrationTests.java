package no.varde.benefits;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.YearMonth;
import no.varde.economics.OperationalCounts;
import no.varde.economics.SplitDriver;
import no.varde.economics.model.DriverNote;
import no.varde.shared.Kommunenummer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Facts from real operations (alarms received, answered and closed through the API) and the plan's API. */
@SpringBootTest
@AutoConfigureMockMvc
class BenefitsIntegrationTests {

    static final String KOMMUNE = "1824";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OperationalFacts facts;

    @Autowired
    UsageCounts usage;

    @Autowired
    UserDetailsService users;

    @Autowired
    DevicesInService devicesInService;

    @Autowired
    no.varde.registry.Devices devices;

    @Autowired
    no.varde.economics.analysis.Analyses analyses;

    @Autowired
    no.varde.economics.scenario.ScenarioCatalogue scenarios;

    @Autowired
    no.varde.registry.Municipalities municipalities;

    @Test
    @org.springframework.security.test.context.support.WithUserDetails("sysadmin")
    void devicesInServiceAreTheirOwnFactsAndSplitTheCostByDevices() throws Exception {
        Kommunenummer hattfjelldal = new Kommunenummer("1826");
        YearMonth now = facts.currentMonth();
        long before = devicesInService.now().get(hattfjelldal);
        for (String status : new String[] {"ACTIVE", "ACTIVE", "IN_STOCK", "RETIRED"}) {
            devices.create(
                    no.varde.registry.AccessScope.all(),
                    new no.varde.registry.DeviceDraft(
                            "1826",
                            "SAFETY_ALARM",
                            "Fiktiv AS",
                            "Trygg 1",
                            null,
                            null,
                            null,
                            null,
                            "SN-" + java.util.UUID.randomUUID(),
                            null,
                            null,
                            status));
        }
        // only devices in service count: the two ACTIVE ones, not the one in stock or the retired one
        assertThat(devicesInService.now().get(hattfjelldal)).isEqualTo(before + 2);
        assertThat(devicesInService.now()).hasSize(18);
        DeviceFacts month = facts.devices(now, now).stream()
                .filter(f -> f.kommunenummer().equals("1826"))
                .findFirst()
                .orElseThrow();
        assertThat(month.devicesInService()).isEqualTo(before + 2);
        long regionDevices = devicesInService.now().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(DeviceFacts.region(facts.devices(now, now)).getLast().devicesInService())
                .isEqualTo(regionDevices);
        // a past month nobody recorded has no figure rather than today's
        assertThat(facts.devices(now.minusMonths(300), now.minusMonths(300))).isEmpty();

        // recorded as the month goes: the current month's row holds today's count
        devicesInService.record();
        assertThat(jdbc.sql("select devices from benefits_devices_in_service where kommunenummer = '1826'"
                                + " and month = :month")
                        .param("month", java.sql.Date.valueOf(now.atDay(1)))
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 2);

        // the split by devices over a period that holds the current month: its figure, the period said
        var measured = usage.measured(SplitDriver.ACTIVE_DEVICES, now, now).orElseThrow();
        assertThat(measured.counts()).containsEntry(hattfjelldal, before + 2);
        assertThat(measured.period()).isEqualTo(new OperationalCounts.UsagePeriod(now, now));
        assertThat(measured.monthsWithData()).isEqualTo(1);
        // the economics' default period (the last 12 complete months): the recorded months averaged, or today's
        // registry count said as such when no month of the period was recorded
        var result = analyses.result(scenarios.all().getFirst().id(), null);
        var note = result.driverNotes().stream()
                .filter(n -> n.driver() == SplitDriver.ACTIVE_DEVICES)
                .findFirst()
                .orElseThrow();
        boolean recorded =
                !facts.devices(now.minusMonths(12), now.minusMonths(1)).isEmpty();
        assertThat(note.source()).isEqualTo(recorded ? DriverNote.Source.MEASURED : DriverNote.Source.REGISTRY);
        assertThat(note.period())
                .isEqualTo(
                        recorded ? new OperationalCounts.UsagePeriod(now.minusMonths(12), now.minusMonths(1)) : null);

        // an analyst chooses the usage period per view: two months here, said beside every measured figure
        String id = scenarios.all().getFirst().id().toString();
        String results = mvc.perform(get("/api/v1/economics/scenarios/{id}/results", id)
                        .param("usageMonths", "2")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<java.util.Map<String, Object>> notes = JsonPath.read(results, "$.driverNotes");
        assertThat(notes).isNotEmpty();
        for (var n : notes) {
            if ("MEASURED".equals(n.get("source"))) {
                assertThat(n.get("usageFrom")).isEqualTo(now.minusMonths(2).toString());
                assertThat(n.get("usageTo")).isEqualTo(now.minusMonths(1).toString());
                assertThat(n.get("usageMonths")).isEqualTo(2);
            } else {
                assertThat(n.get("usageFrom")).isNull();
            }
        }
        assertThat(notes)
                .filteredOn(n -> "ACTIVE_DEVICES".equals(n.get("driver")))
                .singleElement()
                .satisfies(n -> assertThat(n.get("source")).isIn("MEASURED", "REGISTRY"));
        mvc.perform(get("/api/v1/economics/scenarios/{id}/results", id)
                        .param("usageMonths", "0")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("usageMonths"));
        mvc.perform(get("/economics/scenarios/{id}", id)
                        .param("usageMonths", "6")
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"usageMonths\"")))
                .andExpect(content().string(Matchers.containsString("usageMonths=6")));

        // the facts API shows the devices as their own list (a count this size is not suppressed)
        mvc.perform(get("/api/v1/benefits/facts")
                        .param("from", now.toString())
                        .param("to", now.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region[0].devicesInService").doesNotExist())
                .andExpect(jsonPath("$.devices.region[0].devicesInService").value((int) regionDevices))
                .andExpect(jsonPath("$.devices.municipalities[?(@.kommunenummer == '1826')].devicesInService")
                        .value(hasItem((int) (before + 2))));
    }

    /** Recorded months of a period are averaged, not summed: devices are a stock. */
    @Test
    void theSplitByDevicesAveragesTheRecordedMonthsOfThePeriod() {
        // three months of a year nobody else records (the recorder writes only the current month)
        YearMonth first = YearMonth.of(2000 + new java.util.Random().nextInt(20), 1);
        long[] rana = {10, 11, 13};
        for (int i = 0; i < 3; i++) {
            for (var m : municipalities.all()) {
                jdbc.sql("""
                                insert into benefits_devices_in_service (kommunenummer, month, devices, recorded_at)
                                values (:k, :month, :devices, now()) on conflict (kommunenummer, month)
                                do update set devices = excluded.devices""")
                        .param("k", m.kommunenummer().value())
                        .param(
                                "month",
                                java.sql.Date.valueOf(first.plusMonths(i).atDay(1)))
                        .param("devices", m.kommunenummer().value().equals("1833") ? rana[i] : 2L)
                        .update();
            }
        }
        var measured = usage.measured(SplitDriver.ACTIVE_DEVICES, first, first.plusMonths(11))
                .orElseThrow();
        // (10 + 11 + 13) / 3 = 11.33 -> 11; the others 2; the period is the twelve months asked for, three with data
        assertThat(measured.counts()).containsEntry(new Kommunenummer("1833"), 11L);
        assertThat(measured.counts()).containsEntry(new Kommunenummer("1811"), 2L);
        assertThat(measured.counts()).hasSize(18);
        assertThat(measured.period().months()).isEqualTo(12);
        assertThat(measured.monthsWithData()).isEqualTo(3);
    }

    /**
     * A known set of operations in a month of its own (received and handled through the API, then moved back to
     * that month, since a device cannot send into the past): the facts, the split counts of that usage period and
     * the facts export, exactly.
     */
    @Test
    void aUsagePeriodCountsExactlyTheOperationsInIt() throws Exception {
        YearMonth month =
                YearMonth.of(2000 + new java.util.Random().nextInt(20), 1 + new java.util.Random().nextInt(12));
        java.time.Instant start = month.atDay(10)
                .atTime(9, 0)
                .atZone(java.time.ZoneId.of("Europe/Oslo"))
                .toInstant();
        for (int i = 0; i < 6; i++) {
            String id = receive("BUTTON_PRESSED", 10 + i);
            act(id, "claim", "{}");
            act(id, "calls", "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\"}");
            act(id, "close", "{\"outcome\": \"" + (i < 4 ? "RESOLVED_BY_PHONE" : "FALSE_ALARM") + "\"}");
            // four answered in 30 s, two in 90 s; five minutes each from claim to close
            moveBack(id, start.plusSeconds(3600L * i), i < 4 ? 30 : 90, 300);
        }
        for (int i = 0; i < 2; i++) {
            String id = receive("BATTERY_LOW", 16 + i);
            act(id, "claim", "{}");
            act(id, "close", "{\"outcome\": \"TECHNICAL_HANDLED\"}");
            moveBack(id, start.plusSeconds(86_400L + 3600L * i), 10, 120);
        }

        MonthFacts f = facts.facts(month, month).stream()
                .filter(m -> m.kommunenummer().equals(KOMMUNE))
                .findFirst()
                .orElseThrow();
        assertThat(f.alarms()).isEqualTo(6);
        assertThat(f.technical()).isEqualTo(2);
        assertThat(f.resolvedByPhone()).isEqualTo(4);
        assertThat(f.answered()).isEqualTo(6);
        assertThat(f.answeredWithinTarget()).isEqualTo(4);
        assertThat(f.technicalClosedByPeople()).isEqualTo(2);
        assertThat(f.technicalClosedByRules()).isZero();
        assertThat(f.handlingMinutes()).isCloseTo(34.0, org.assertj.core.data.Offset.offset(1e-9));

        var alarms = usage.measured(SplitDriver.ALARMS, month, month).orElseThrow();
        assertThat(alarms.counts())
                .containsEntry(new Kommunenummer(KOMMUNE), 8L)
                .hasSize(18);
        assertThat(alarms.counts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(8);
        assertThat(alarms.period()).isEqualTo(new OperationalCounts.UsagePeriod(month, month));
        var minutes = usage.measured(SplitDriver.HANDLING_MINUTES, month, month).orElseThrow();
        assertThat(minutes.counts()).containsEntry(new Kommunenummer(KOMMUNE), 34L);
        // the month before has none of it: no measurement at all, so the economics would use the survey
        assertThat(usage.measured(SplitDriver.ALARMS, month.minusMonths(1), month.minusMonths(1)))
                .isEmpty();

        // analysts see the small counts suppressed, in the API and in the export alike
        mvc.perform(get("/api/v1/benefits/facts")
                        .param("from", month.toString())
                        .param("to", month.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region[0].alarms").value(6))
                .andExpect(jsonPath("$.region[0].technical").doesNotExist())
                .andExpect(jsonPath("$.region[0].answeredWithinTargetPercent").value(66.7))
                .andExpect(jsonPath("$.region[0].handlingMinutes").value(34));
        byte[] xlsx = mvc.perform(get("/api/v1/benefits/facts/export.xlsx")
                        .param("from", month.toString())
                        .param("to", month.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var region = book.getSheetAt(0);
            assertThat(region.getPaneInformation().isFreezePane()).isTrue();
            var header = region.getRow(0);
            var row = region.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(month.toString());
            assertThat(cell(header, row, "Alarmer")).isEqualTo("6");
            assertThat(cell(header, row, "Tekniske alarmer")).isEqualTo("< 5");
            assertThat(cell(header, row, "Løst på telefon")).isEqualTo("< 5");
            assertThat(cell(header, row, "Behandlingsminutter")).isEqualTo("34");
            assertThat(cell(header, row, "Besvart innen 60 s")).isEqualTo("66.7");
            var municipalitiesSheet = book.getSheetAt(1);
            var kommuneRow = municipalitiesSheet.getRow(1);
            assertThat(kommuneRow.getCell(0).getStringCellValue()).isEqualTo(KOMMUNE);
            assertThat(cell(municipalitiesSheet.getRow(0), kommuneRow, "Alarmer"))
                    .isEqualTo("6");
            assertThat(cell(municipalitiesSheet.getRow(0), kommuneRow, "Tekniske alarmer"))
                    .isEqualTo("< 5");
        }
    }

    private static String cell(
            org.apache.poi.ss.usermodel.Row header, org.apache.poi.ss.usermodel.Row row, String name) {
        for (var c : header) {
            if (c.getStringCellValue().equals(name)) {
                var value = row.getCell(c.getColumnIndex());
                return value.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? new java.math.BigDecimal(Double.toString(value.getNumericCellValue()))
                                .stripTrailingZeros()
                                .toPlainString()
                        : value.getStringCellValue();
            }
        }
        throw new AssertionError("no column " + name);
    }

    /** Moves one of this test's own alarms back in time, with its answer and handling times. */
    private void moveBack(String id, java.time.Instant received, int answerSeconds, int handlingSeconds) {
        jdbc.sql("""
                        update alarm set received_at = :received, claim_deadline = :received,
                            original_claim_deadline = :received,
                            claimed_at = cast(:received as timestamptz) + make_interval(secs => cast(:answer as int)),
                            closed_at = cast(:received as timestamptz)
                                + make_interval(secs => cast(:answer as int) + cast(:handling as int))
                        where id = :id""")
                .param("received", java.sql.Timestamp.from(received))
                .param("answer", answerSeconds)
                .param("handling", handlingSeconds)
                .param("id", java.util.UUID.fromString(id))
                .update();
    }

    @Test
    void factsCountWhatOperatorsDid() throws Exception {
        YearMonth now = facts.currentMonth();
        MonthFacts before = current(now);
        long alarmsBefore = alarmCounts(now).getOrDefault(new Kommunenummer(KOMMUNE), 0L);
        java.util.Map<String, Long> typesBefore = types(now);
        for (int i = 0; i < 6; i++) {
            String id = receive("BUTTON_PRESSED", i);
            if (i < 3) {
                act(id, "claim", "{}");
                act(id, "calls", "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\"}");
                act(id, "close", "{\"outcome\": \"RESOLVED_BY_PHONE\"}");
            }
        }
        String technical = receive("BATTERY_LOW", 7);
        receive("BATTERY_LOW", 8);
        act(technical, "claim", "{}");
        act(technical, "close", "{\"outcome\": \"TECHNICAL_HANDLED\"}");

        MonthFacts after = current(now);
        // by type: the six button presses and the two low batteries under their VKP alert codes
        java.util.Map<String, Long> typesAfter = types(now);
        long added = typesAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - typesBefore.getOrDefault(e.getKey(), 0L))
                .sum();
        assertThat(added).isEqualTo(8);
        assertThat(typesAfter.keySet()).hasSizeGreaterThanOrEqualTo(2);
        mvc.perform(get("/api/v1/benefits/facts/types")
                        .param("from", now.toString())
                        .param("to", now.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressBelow").value(5))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '" + KOMMUNE + "')]")
                        .isNotEmpty());
        assertThat(after.alarms() - before.alarms()).isEqualTo(6);
        assertThat(after.technical() - before.technical()).isEqualTo(2);
        assertThat(after.resolvedByPhone() - before.resolvedByPhone()).isEqualTo(3);
        assertThat(after.answered() - before.answered()).isEqualTo(3);
        assertThat(after.answeredWithinTarget() - before.answeredWithinTarget()).isEqualTo(3);
        assertThat(after.technicalClosedByPeople() - before.technicalClosedByPeople())
                .isEqualTo(1);
        assertThat(after.technicalClosedByRules() - before.technicalClosedByRules())
                .isZero();
        assertThat(after.handlingMinutes()).isGreaterThanOrEqualTo(before.handlingMinutes());
        // the economics' split by alarms counts them (all 18 municipalities, a measured zero is a zero)
        var counts = alarmCounts(now);
        assertThat(counts).hasSize(18);
        assertThat(counts.get(new Kommunenummer(KOMMUNE)) - alarmsBefore).isEqualTo(8);

        mvc.perform(get("/api/v1/benefits/facts").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressBelow").value(5))
                .andExpect(jsonPath(
                        "$.municipalities[?(@.kommunenummer == '" + KOMMUNE + "')].alarms",
                        hasItem(Matchers.greaterThanOrEqualTo(6))));
        mvc.perform(get("/benefits").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"region-facts\"")));
    }

    @Test
    void theDemoPlanHasThePromiseAndBadInputIsNamedFieldByField() throws Exception {
        mvc.perform(get("/api/v1/benefits/indicators").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'RULE_HOURS')].target", hasItem(1483.33)));
        mvc.perform(post("/api/v1/benefits/indicators")
                        .with(httpBasic("analytiker", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"name\": \"\", \"area\": \"WEALTH\", \"unit\": \"h\", \"baseline\": \"x\","
                                + " \"target\": \"10\", \"startMonth\": \"2026-13\", \"targetMonth\": \"2027-01\","
                                + " \"source\": \"RULE_HOURS\", \"owner\": \"9999\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.hasItems("name", "area", "baseline", "startMonth", "minutesPerAlarm", "owner")));
        mvc.perform(get("/api/v1/benefits/facts?from=2026-xx").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/benefits/indicators/nope/realisation").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/benefits/facts").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aManualValueIsRecordedWithWhoAndOnlyForTheOwnMunicipality() throws Exception {
        String created = mvc.perform(
                        post("/api/v1/benefits/indicators")
                                .with(httpBasic("analytiker", "varde-demo"))
                                .contentType("application/json")
                                .content(
                                        "{\"name\": \"Unngåtte turer\", \"area\": \"COST_AVOIDED\", \"unit\": \"stk\","
                                                + " \"owner\": \"1813\", \"baseline\": \"0\", \"target\": \"12\","
                                                + " \"startMonth\": \"2026-01\", \"targetMonth\": \"2026-12\", \"source\": \"MANUAL\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String month = facts.currentMonth().toString();
        mvc.perform(post("/api/v1/benefits/indicators/{id}/measurements", id)
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"month\": \"" + month + "\", \"kommunenummer\": \"1813\", \"value\": \"7\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.months[-1:].realised", hasItem(7.0)))
                .andExpect(jsonPath("$.months[-1:].entries[0].enteredBy", hasItem("admin.bronnoy")));
        mvc.perform(post("/api/v1/benefits/indicators/{id}/measurements", id)
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"month\": \"" + month + "\", \"kommunenummer\": \"1833\", \"value\": \"7\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/benefits/indicators/{id}/realisation", id).with(httpBasic("analytiker", "varde-demo")))
                .andExpect(jsonPath("$.months", hasSize(Matchers.greaterThan(0))));
        // the realisation as XLSX: the entered value, its difference from the plan and the sums to date as formulas
        String json = mvc.perform(get("/api/v1/benefits/indicators/{id}/realisation", id)
                        .param("kommunenummer", "1813")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<Number> planned = JsonPath.read(json, "$.months[*].planned");
        byte[] xlsx = mvc.perform(get("/api/v1/benefits/indicators/{id}/realisation.xlsx", id)
                        .param("kommunenummer", "1813")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var evaluator = book.getCreationHelper().createFormulaEvaluator();
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            int last = planned.size();
            var row = sheet.getRow(last);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(month);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(7.0);
            assertThat(row.getCell(3).getCellFormula()).isEqualTo("C" + (last + 1) + "-B" + (last + 1));
            assertThat(evaluator.evaluate(row.getCell(3)).getNumberValue())
                    .isCloseTo(7.0 - planned.getLast().doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
            double plannedSum =
                    planned.stream().mapToDouble(Number::doubleValue).sum();
            assertThat(evaluator.evaluate(row.getCell(4)).getNumberValue())
                    .isCloseTo(plannedSum, org.assertj.core.data.Offset.offset(1e-6));
        }
        mvc.perform(get("/benefits/indicators/{id}", id).with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("admin.bronnoy")));
    }

    private java.util.Map<Kommunenummer, Long> alarmCounts(YearMonth month) {
        return usage.measured(SplitDriver.ALARMS, month, month)
                .map(OperationalCounts.Measured::counts)
                .orElse(java.util.Map.of());
    }

    private java.util.Map<String, Long> types(YearMonth month) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        facts.byType(month, month).stream()
                .filter(t -> t.kommunenummer().equals(KOMMUNE))
                .forEach(t -> counts.merge(String.valueOf(t.alertCode()), t.alarms(), Long::sum));
        return counts;
    }

    private MonthFacts current(YearMonth month) {
        return facts.facts(month, month).stream()
                .filter(f -> f.kommunenummer().equals(KOMMUNE))
                .findFirst()
                .orElse(MonthFacts.empty(KOMMUNE, month));
    }

    private String receive(String code, int offset) throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(event(uniqueEventId(), code, safetyAlarmController(jdbc, KOMMUNE, offset))))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.alarmId");
    }

    private ResultActions act(String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isOk());
    }
}
