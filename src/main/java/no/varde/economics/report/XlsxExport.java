package no.varde.economics.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.varde.economics.SplitDriver;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityRow;
import no.varde.economics.model.SplitKey;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.model.YearResult;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The XLSX export: one sheet per view (summary, municipalities, cost split, years, sensitivity, survey,
 * assumptions). The inputs are numbers with øre (survey answers, assumptions, each municipality's share of each
 * item as Varde computed it with its exact largest-remainder split, beside the basis it was split on); everything
 * derived from them — direct costs, hours cost, totals, subtotals, savings, per-inhabitant figures, percentages,
 * FTE, the years and the summary — is a formula an analyst can follow and change. The assumptions are named cells
 * ({@code salaryPerFte}, {@code hoursPerFte}, {@code horizonYears}, {@code remainingSharePercent},
 * {@code referenceCostPerInhabitant}). Formulas round as Varde does (to the øre, FTE to 2 decimals, percent to
 * 1), so the workbook shows Varde's own figures; their values are cached in the file and recalculated on open.
 */
@Component
public class XlsxExport {

    static final String SALARY = "salaryPerFte";
    static final String HOURS_PER_FTE = "hoursPerFte";
    static final String HORIZON = "horizonYears";
    static final String REMAINING = "remainingSharePercent";
    static final String REFERENCE = "referenceCostPerInhabitant";

    private final MessageSource messages;

    XlsxExport(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(DecisionReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Writer(workbook, locale, report).write();
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-ECON-0051: the XLSX export could not be written", e);
        }
    }

    /** Column letters of the municipality sheet, named so the formulas read as what they compute. */
    private static final class M {
        static final int KNR = 0, NAME = 1, POPULATION = 2, ESTIMATED = 3, DIRECT = 4, HOURS_COST = 5, AS_IS = 6;
        static final int AS_IS_PER_INH = 7, ITEMS_ANNUAL = 8, REMAINING_COST = 9, TO_BE_ANNUAL = 10, ONE_OFF = 11;
        static final int FIRST_YEAR = 12, TO_BE_PER_INH = 13, SAVINGS = 14, SAVINGS_PERCENT = 15;
        static final int SAVINGS_FIRST = 16, SAVINGS_HORIZON = 17, AS_IS_HOURS = 18, TO_BE_HOURS = 19;
        static final int AS_IS_FTE = 20, TO_BE_FTE = 21, PAYS_MORE = 22, SHARE = 23, COLUMNS = 24;
    }

    /** Columns of the survey sheet. */
    private static final class S {
        static final int FIRST_COST = 3, LAST_COST = 7, HOURS = 8, DIRECT = 13, COLUMNS = 14;
    }

    private final class Writer {

        private final XSSFWorkbook workbook;
        private final Locale locale;
        private final DecisionReport report;
        private final ScenarioResult result;
        private final List<CostItem> items;
        private final int count;
        private final CellStyle money;
        private final CellStyle decimal;
        private final CellStyle percent;
        private final CellStyle header;
        private final Sheet summarySheet;
        private final Sheet municipalitySheet;
        private final Sheet splitSheet;
        private final Sheet yearSheet;
        private final Sheet sensitivitySheet;
        private final Sheet surveySheet;
        private final Sheet assumptionSheet;
        private Sheet sheet;
        private int rowIndex;
        /** First and last row (0-based) of the item table on the assumptions sheet. */
        private int firstItemRow;

        Writer(XSSFWorkbook workbook, Locale locale, DecisionReport report) {
            this.workbook = workbook;
            this.locale = locale;
            this.report = report;
            this.result = report.result();
            this.items = result.scenario().items();
            this.count = result.municipalities().size();
            this.money = style("#,##0.00");
            this.decimal = style("0.0#");
            this.percent = style("0.00 %");
            this.header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            // every sheet exists before the first formula names it
            this.summarySheet = workbook.createSheet(message("economics.sheet.summary"));
            this.municipalitySheet = workbook.createSheet(message("economics.sheet.municipalities"));
            this.splitSheet = workbook.createSheet(message("economics.sheet.split"));
            this.yearSheet = workbook.createSheet(message("economics.sheet.years"));
            this.sensitivitySheet = workbook.createSheet(message("economics.sheet.sensitivity"));
            this.surveySheet = workbook.createSheet(message("economics.sheet.survey"));
            this.assumptionSheet = workbook.createSheet(message("economics.sheet.assumptions"));
            this.sheet = summarySheet;
        }

        private CellStyle style(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        void write() {
            assumptions();
            survey();
            split();
            municipalities();
            summary();
            years();
            sensitivity();
        }

        // ---- assumptions: the named inputs every formula uses

        void assumptions() {
            start(assumptionSheet);
            Assumptions a = result.assumptions();
            named(REFERENCE, "economics.assumptions.reference", money(a.referenceCostPerInhabitant()));
            named(SALARY, "economics.assumptions.salary", money(a.salaryPerFte()));
            named(HOURS_PER_FTE, "economics.assumptions.hoursPerFte", num(a.hoursPerFte()));
            named(HORIZON, "economics.assumptions.horizon", num(BigDecimal.valueOf(a.horizonYears())));
            named(
                    REMAINING,
                    "economics.scenario.remaining",
                    num(result.scenario().remainingManualSharePercent()));
            row();
            headerRow(
                    "economics.item.name",
                    "economics.item.kind",
                    "economics.item.amount",
                    "economics.item.fte",
                    "economics.item.splitKey");
            firstItemRow = rowIndex;
            for (CostItem item : items) {
                row(
                        text(item.name()),
                        label("economics.kind." + item.kind()),
                        money(item.amount()),
                        num(item.fte()),
                        text(readable(item.splitKey())));
            }
            row();
            for (DriverNote note : result.driverNotes()) {
                var period = note.period();
                row(
                        label("economics.driver." + note.driver()),
                        label("economics.note." + note.source()),
                        text(note.estimated().toString()),
                        text(
                                period == null
                                        ? ""
                                        : message(
                                                "economics.note.period",
                                                period.from(),
                                                period.to(),
                                                period.months(),
                                                note.monthsWithData())));
            }
            widths(5);
        }

        private void named(String name, String labelKey, Value value) {
            row(label(labelKey), value);
            Name defined = workbook.createName();
            defined.setNameName(name);
            defined.setRefersToFormula(absolute(assumptionSheet, 1, rowIndex - 1));
        }

        /** The FTE the scenario's annual items pay for, summed from the item table. */
        private String staffedFte() {
            if (items.isEmpty()) {
                return "0";
            }
            int last = firstItemRow + items.size() - 1;
            return "SUMIF(" + range(assumptionSheet, 1, firstItemRow, 1, last) + ",\""
                    + quoted(message("economics.kind.ANNUAL")) + "\","
                    + range(assumptionSheet, 3, firstItemRow, 3, last)
                    + ")";
        }

        // ---- survey: the answers, with the direct costs as a subtotal and the region as sums

        void survey() {
            start(surveySheet);
            headerRow(
                    "economics.col.kommunenummer",
                    "economics.col.name",
                    "economics.col.population",
                    "economics.survey.licence",
                    "economics.survey.operationsAgreement",
                    "economics.survey.integration",
                    "economics.survey.administration",
                    "economics.survey.storageServer",
                    "economics.survey.manualFollowUpHours",
                    "economics.survey.activeDevices",
                    "economics.survey.serviceRecipients",
                    "economics.survey.alarmsPerYear",
                    "economics.survey.handlingMinutes",
                    "economics.col.asIsDirect");
            for (MunicipalityResult m : result.municipalities()) {
                SurveyAnswer a =
                        report.answers().getOrDefault(m.kommunenummer(), SurveyAnswer.unanswered(m.kommunenummer()));
                AsIsCosts c = a.costs();
                int r = rowIndex;
                row(
                        text(m.kommunenummer().value()),
                        text(m.name()),
                        count((long) m.population()),
                        c == null ? blank() : money(c.licence()),
                        c == null ? blank() : money(c.operationsAgreement()),
                        c == null ? blank() : money(c.integration()),
                        c == null ? blank() : money(c.administration()),
                        c == null ? blank() : money(c.storageServer()),
                        c == null ? blank() : num(c.manualFollowUpHours()),
                        count(a.activeDevices()),
                        count(a.serviceRecipients()),
                        count(a.alarmsPerYear()),
                        count(a.handlingMinutes()),
                        c == null ? blank() : formula("SUM(" + span(S.FIRST_COST, r, S.LAST_COST, r) + ")", money));
            }
            sumRow(1, S.COLUMNS, 2, S.COLUMNS - 1);
            widths(S.COLUMNS);
        }

        // ---- split: Varde's exact shares beside the basis they were split on; subtotals and totals as formulas

        private List<SplitDriver> basisDrivers() {
            List<SplitDriver> drivers = new ArrayList<>();
            for (SplitDriver driver : SplitDriver.values()) {
                if (driver != SplitDriver.FLAT
                        && items.stream()
                                .anyMatch(
                                        item -> item.splitKey().parts().stream().anyMatch(p -> p.driver() == driver))) {
                    drivers.add(driver);
                }
            }
            return drivers;
        }

        private int annualColumn() {
            return 2 + items.size();
        }

        void split() {
            start(splitSheet);
            int annual = annualColumn();
            int oneOff = annual + 1;
            int total = annual + 2;
            int share = annual + 3;
            List<SplitDriver> drivers = basisDrivers();
            Row head = sheet.createRow(rowIndex++);
            setText(head, 0, message("economics.col.kommunenummer"), header);
            setText(head, 1, message("economics.col.name"), header);
            for (int i = 0; i < items.size(); i++) {
                setText(head, 2 + i, items.get(i).name(), header);
            }
            setText(head, annual, message("economics.xlsx.annualSubtotal"), header);
            setText(head, oneOff, message("economics.xlsx.oneOffSubtotal"), header);
            setText(head, total, message("economics.col.total"), header);
            setText(head, share, message("economics.xlsx.shareOfAnnual"), header);
            for (int d = 0; d < drivers.size(); d++) {
                setText(
                        head,
                        share + 1 + d,
                        message("economics.xlsx.basis", message("economics.driver." + drivers.get(d))),
                        header);
            }
            Row keys = sheet.createRow(rowIndex++);
            setText(keys, 1, message("economics.item.splitKey"), null);
            for (int i = 0; i < items.size(); i++) {
                setText(
                        keys,
                        2 + i,
                        readable(items.get(i).splitKey()) + " ("
                                + message("economics.kind." + items.get(i).kind()) + ")",
                        null);
            }
            for (int d = 0; d < drivers.size(); d++) {
                SplitDriver driver = drivers.get(d);
                String source = result.driverNotes().stream()
                        .filter(note -> note.driver() == driver)
                        .map(note -> message("economics.note." + note.source())
                                + (note.period() == null
                                        ? ""
                                        : " " + note.period().from() + "–"
                                                + note.period().to()))
                        .findFirst()
                        .orElse(message("economics.xlsx.registry"));
                setText(keys, share + 1 + d, source, null);
            }
            // the names, the item names and their split keys stay in view while scrolling
            sheet.createFreezePane(2, rowIndex);
            int first = rowIndex;
            int last = first + count - 1;
            int totalRow = last + 1;
            for (MunicipalityResult m : result.municipalities()) {
                int r = rowIndex;
                Row row = sheet.createRow(rowIndex++);
                setText(row, 0, m.kommunenummer().value(), null);
                setText(row, 1, m.name(), null);
                List<String> annualCells = new ArrayList<>();
                List<String> oneOffCells = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    setNumber(row, 2 + i, m.itemShares().get(i).amount(), money);
                    (items.get(i).isAnnual() ? annualCells : oneOffCells).add(cell(2 + i, r));
                }
                setFormula(row, annual, sumOf(annualCells), money);
                setFormula(row, oneOff, sumOf(oneOffCells), money);
                setFormula(row, total, cell(annual, r) + "+" + cell(oneOff, r), money);
                String annualTotal = absoluteCell(annual, totalRow);
                setFormula(
                        row, share, "IF(" + annualTotal + "=0,0," + cell(annual, r) + "/" + annualTotal + ")", percent);
                for (int d = 0; d < drivers.size(); d++) {
                    long value = report.basis().valueOf(drivers.get(d), m.kommunenummer());
                    if (report.suppressed(drivers.get(d), value)) {
                        setText(row, share + 1 + d, "< " + report.suppressBelow(), null);
                    } else {
                        setNumber(row, share + 1 + d, BigDecimal.valueOf(value), decimal);
                    }
                }
            }
            sumRow(1, share + 1 + drivers.size(), 2, share + drivers.size());
            widths(share + 1 + drivers.size());
        }

        // ---- municipalities: every derived figure a formula over the survey, the split and the assumptions

        void municipalities() {
            start(municipalitySheet);
            headerRow(
                    "economics.col.kommunenummer",
                    "economics.col.name",
                    "economics.col.population",
                    "economics.col.estimated",
                    "economics.col.asIsDirect",
                    "economics.col.asIsHoursCost",
                    "economics.col.asIs",
                    "economics.col.asIsPerInhabitant",
                    "economics.xlsx.itemsAnnual",
                    "economics.xlsx.remainingHoursCost",
                    "economics.col.toBeAnnual",
                    "economics.col.toBeOneOff",
                    "economics.col.toBeFirstYear",
                    "economics.col.toBePerInhabitant",
                    "economics.col.savingsSteady",
                    "economics.col.savingsPercent",
                    "economics.col.savingsFirstYear",
                    "economics.col.savingsHorizon",
                    "economics.col.asIsHours",
                    "economics.col.toBeHours",
                    "economics.col.asIsFte",
                    "economics.col.toBeFte",
                    "economics.col.paysMore",
                    "economics.xlsx.shareOfAnnual");
            int first = rowIndex;
            int regionRow = first + count;
            for (int i = 0; i < count; i++) {
                MunicipalityResult m = result.municipalities().get(i);
                int r = rowIndex;
                int surveyRow = 1 + i;
                int splitRow = 2 + i;
                Row row = sheet.createRow(rowIndex++);
                setText(row, M.KNR, m.kommunenummer().value(), null);
                setText(row, M.NAME, m.name(), null);
                setFormula(row, M.POPULATION, ref(surveySheet, 2, surveyRow), decimal);
                setText(row, M.ESTIMATED, message(m.estimated() ? "common.yes" : "common.no"), null);
                setFormula(
                        row,
                        M.DIRECT,
                        m.estimated()
                                ? "ROUND(" + REFERENCE + "*" + cell(M.POPULATION, r) + ",2)"
                                : ref(surveySheet, S.DIRECT, surveyRow),
                        money);
                if (m.estimated()) {
                    // its estimate covers the staff time too: no hours of its own
                    setNumber(row, M.AS_IS_HOURS, BigDecimal.ZERO, decimal);
                } else {
                    setFormula(row, M.AS_IS_HOURS, "ROUND(" + ref(surveySheet, S.HOURS, surveyRow) + ",2)", decimal);
                }
                setFormula(row, M.HOURS_COST, costOfHours(cell(M.AS_IS_HOURS, r)), money);
                setFormula(row, M.ITEMS_ANNUAL, ref(splitSheet, annualColumn(), splitRow), money);
                setFormula(row, M.ONE_OFF, ref(splitSheet, annualColumn() + 1, splitRow), money);
                setFormula(
                        row,
                        M.REMAINING_COST,
                        costOfHours("ROUND(" + cell(M.AS_IS_HOURS, r) + "*" + REMAINING + "/100,2)"),
                        money);
                // to-be hours include the shared staff by the items' split weights, computed by Varde
                setNumber(row, M.TO_BE_HOURS, m.staffing().toBeHours(), decimal);
                derived(row, r, regionRow);
            }
            Row region = sheet.createRow(rowIndex++);
            int r = regionRow;
            setText(region, M.NAME, message("economics.col.region"), header);
            for (int column : new int[] {
                M.POPULATION, M.DIRECT, M.HOURS_COST, M.ITEMS_ANNUAL, M.REMAINING_COST, M.ONE_OFF, M.AS_IS_HOURS
            }) {
                setFormula(region, column, "SUM(" + span(column, first, column, regionRow - 1) + ")", styleOf(column));
            }
            setFormula(
                    region,
                    M.TO_BE_HOURS,
                    "ROUND(" + cell(M.AS_IS_HOURS, r) + "*" + REMAINING + "/100+" + staffedFte() + "*" + HOURS_PER_FTE
                            + ",2)",
                    decimal);
            derived(region, r, regionRow);
            region.getCell(M.PAYS_MORE)
                    .setCellFormula("COUNTIF(" + span(M.PAYS_MORE, first, M.PAYS_MORE, r - 1) + ",\""
                            + quoted(message("common.yes")) + "\")");
            widths(M.COLUMNS);
        }

        /** The columns computed from the inputs of the same row, for a municipality and for the region. */
        private void derived(Row row, int r, int regionRow) {
            String pop = cell(M.POPULATION, r);
            String asIs = cell(M.AS_IS, r);
            String toBe = cell(M.TO_BE_ANNUAL, r);
            setFormula(row, M.AS_IS, cell(M.DIRECT, r) + "+" + cell(M.HOURS_COST, r), money);
            setFormula(row, M.AS_IS_PER_INH, perInhabitant(asIs, pop), money);
            setFormula(row, M.TO_BE_ANNUAL, cell(M.ITEMS_ANNUAL, r) + "+" + cell(M.REMAINING_COST, r), money);
            setFormula(row, M.FIRST_YEAR, toBe + "+" + cell(M.ONE_OFF, r), money);
            setFormula(row, M.TO_BE_PER_INH, perInhabitant(toBe, pop), money);
            setFormula(row, M.SAVINGS, asIs + "-" + toBe, money);
            setFormula(row, M.SAVINGS_PERCENT, percentOf(cell(M.SAVINGS, r), asIs), decimal);
            setFormula(row, M.SAVINGS_FIRST, asIs + "-" + cell(M.FIRST_YEAR, r), money);
            setFormula(
                    row,
                    M.SAVINGS_HORIZON,
                    asIs + "*" + HORIZON + "-(" + toBe + "*" + HORIZON + "+" + cell(M.ONE_OFF, r) + ")",
                    money);
            setFormula(row, M.AS_IS_FTE, fte(cell(M.AS_IS_HOURS, r)), decimal);
            setFormula(row, M.TO_BE_FTE, fte(cell(M.TO_BE_HOURS, r)), decimal);
            setFormula(
                    row,
                    M.PAYS_MORE,
                    "IF(" + toBe + ">" + asIs + ",\"" + quoted(message("common.yes")) + "\",\""
                            + quoted(message("common.no")) + "\")",
                    null);
            String regionToBe = absoluteCell(M.TO_BE_ANNUAL, regionRow);
            setFormula(row, M.SHARE, "IF(" + regionToBe + "=0,0," + toBe + "/" + regionToBe + ")", percent);
        }

        private CellStyle styleOf(int column) {
            return column == M.POPULATION || column == M.AS_IS_HOURS ? decimal : money;
        }

        // ---- summary and years: formulas over the region row

        private String region(int column) {
            return absolute(municipalitySheet, column, count + 1);
        }

        void summary() {
            start(summarySheet);
            row(text(result.scenario().name()));
            row(
                    label("economics.report.preparedAt"),
                    text(Formats.of(locale).dateTime(report.preparedAt(), report.zone())));
            row(label("economics.report.preparedBy"), text(report.preparedBy()));
            row();
            headerRow("", "economics.period.firstYear", "economics.period.steadyState", "economics.period.horizon");
            int asIsRow = rowIndex;
            String asIs = region(M.AS_IS);
            row(
                    label("economics.result.asIs"),
                    formula(asIs, money),
                    formula(asIs, money),
                    formula(asIs + "*" + HORIZON, money));
            int toBeRow = rowIndex;
            row(
                    label("economics.result.toBe"),
                    formula(region(M.FIRST_YEAR), money),
                    formula(region(M.TO_BE_ANNUAL), money),
                    formula(region(M.TO_BE_ANNUAL) + "*" + HORIZON + "+" + region(M.ONE_OFF), money));
            int savingsRow = rowIndex;
            row(label("economics.result.savings"), perColumn(c -> cell(c, asIsRow) + "-" + cell(c, toBeRow), money));
            row(
                    label("economics.result.savingsPercent"),
                    perColumn(c -> percentOf(cell(c, savingsRow), cell(c, asIsRow)), decimal));
            String pop = region(M.POPULATION);
            row(
                    label("economics.result.asIsPerInhabitant"),
                    perColumn(c -> perInhabitant(cell(c, asIsRow), pop), money));
            row(
                    label("economics.result.toBePerInhabitant"),
                    perColumn(c -> perInhabitant(cell(c, toBeRow), pop), money));
            row();
            headerRow("", "economics.staffing.asIs", "economics.staffing.toBe", "economics.staffing.reduction");
            int hoursRow = rowIndex;
            row(
                    label("economics.staffing.hours"),
                    formula(region(M.AS_IS_HOURS), decimal),
                    formula(region(M.TO_BE_HOURS), decimal),
                    formula(cell(1, hoursRow) + "-" + cell(2, hoursRow), decimal));
            int fteRow = rowIndex;
            row(
                    label("economics.staffing.fte"),
                    formula(region(M.AS_IS_FTE), decimal),
                    formula(region(M.TO_BE_FTE), decimal),
                    formula(cell(1, fteRow) + "-" + cell(2, fteRow), decimal));
            row();
            row(label("economics.result.payingMore"), formula(region(M.PAYS_MORE), decimal));
            widths(4);
        }

        private Value[] perColumn(java.util.function.IntFunction<String> f, CellStyle style) {
            return new Value[] {formula(f.apply(1), style), formula(f.apply(2), style), formula(f.apply(3), style)};
        }

        private void row(Value first, Value[] rest) {
            Value[] all = new Value[rest.length + 1];
            all[0] = first;
            System.arraycopy(rest, 0, all, 1, rest.length);
            row(all);
        }

        void years() {
            start(yearSheet);
            headerRow(
                    "economics.col.year",
                    "economics.result.asIs",
                    "economics.result.toBe",
                    "economics.result.savings",
                    "economics.col.cumulativeSavings");
            for (YearResult year : result.years()) {
                int r = rowIndex;
                boolean firstYear = year.year() == 1;
                row(
                        num(BigDecimal.valueOf(year.year())),
                        formula(region(M.AS_IS), money),
                        formula(firstYear ? region(M.FIRST_YEAR) : region(M.TO_BE_ANNUAL), money),
                        formula(cell(1, r) + "-" + cell(2, r), money),
                        formula(firstYear ? cell(3, r) : cell(4, r - 1) + "+" + cell(3, r), money));
            }
            widths(5);
        }

        void sensitivity() {
            start(sensitivitySheet);
            row(
                    label("economics.sensitivity.percent"),
                    num(BigDecimal.valueOf(report.sensitivity().percent())));
            row(
                    label("economics.sensitivity.baseSteady"),
                    money(report.sensitivity().baseSteadyStateSavings()));
            row(
                    label("economics.sensitivity.baseHorizon"),
                    money(report.sensitivity().baseHorizonSavings()));
            row();
            headerRow(
                    "economics.sensitivity.driver",
                    "economics.sensitivity.steadyLow",
                    "economics.sensitivity.steadyHigh",
                    "economics.sensitivity.horizonLow",
                    "economics.sensitivity.horizonHigh",
                    "economics.sensitivity.swing");
            for (SensitivityRow r : report.sensitivity().rows()) {
                String driver = message("economics.driver." + r.driver());
                int at = rowIndex;
                row(
                        text(r.itemName() == null ? driver : driver + ": " + r.itemName()),
                        money(r.steadyStateSavingsLow()),
                        money(r.steadyStateSavingsHigh()),
                        money(r.horizonSavingsLow()),
                        money(r.horizonSavingsHigh()),
                        formula("ABS(" + cell(4, at) + "-" + cell(3, at) + ")", money));
            }
            widths(6);
        }

        // ---- formula pieces

        private String costOfHours(String hours) {
            return "ROUND(" + hours + "*" + SALARY + "/" + HOURS_PER_FTE + ",2)";
        }

        private String fte(String hours) {
            return "ROUND(" + hours + "/" + HOURS_PER_FTE + ",2)";
        }

        private String perInhabitant(String amount, String population) {
            return "IF(" + population + "=0,0,ROUND(" + amount + "/" + population + ",2))";
        }

        private String percentOf(String part, String base) {
            return "IF(" + base + "=0,0,ROUND(" + part + "*100/" + base + ",1))";
        }

        private String sumOf(List<String> cells) {
            return cells.isEmpty() ? "0" : "SUM(" + String.join(",", cells) + ")";
        }

        /** A total row: "Sum"/"Region" in {@code labelColumn}, SUM of every row above in the given columns. */
        private void sumRow(int labelColumn, int columns, int firstSummed, int lastSummed) {
            int first = sheet.getPaneInformation() == null
                    ? 1
                    : sheet.getPaneInformation().getHorizontalSplitPosition();
            int last = rowIndex - 1;
            Row total = sheet.createRow(rowIndex++);
            setText(total, labelColumn, message("economics.col.total"), header);
            for (int c = firstSummed; c <= lastSummed && c < columns; c++) {
                CellStyle style = styleInColumn(c, first, last);
                if (style != null) {
                    setFormula(total, c, "SUM(" + span(c, first, c, last) + ")", style);
                }
            }
        }

        /** The style of the first written cell of the column, or null when the column holds nothing to sum. */
        private @Nullable CellStyle styleInColumn(int column, int first, int last) {
            for (int r = first; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (row != null
                        && row.getCell(column) != null
                        && row.getCell(column).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                    return row.getCell(column).getCellStyle();
                }
            }
            return null;
        }

        private static String cell(int column, int row) {
            return new CellReference(row, column, false, false).formatAsString();
        }

        private static String absoluteCell(int column, int row) {
            return new CellReference(row, column, true, true).formatAsString();
        }

        private static String span(int c1, int r1, int c2, int r2) {
            return cell(c1, r1) + ":" + cell(c2, r2);
        }

        private static String ref(Sheet target, int column, int row) {
            return "'" + target.getSheetName().replace("'", "''") + "'!" + cell(column, row);
        }

        private static String absolute(Sheet target, int column, int row) {
            return "'" + target.getSheetName().replace("'", "''") + "'!" + absoluteCell(column, row);
        }

        private static String range(Sheet target, int c1, int r1, int c2, int r2) {
            return "'" + target.getSheetName().replace("'", "''") + "'!" + absoluteCell(c1, r1) + ":"
                    + absoluteCell(c2, r2);
        }

        private static String quoted(String text) {
            return text.replace("\"", "\"\"");
        }

        // ---- writing cells

        private void start(Sheet target) {
            sheet = target;
            rowIndex = 0;
        }

        private interface Value {
            void write(Row row, int column);
        }

        private Value text(String value) {
            return (row, column) -> setText(row, column, value, null);
        }

        private Value blank() {
            return (row, column) -> {};
        }

        private Value label(String key) {
            return text(message(key));
        }

        private Value money(Nok value) {
            return (row, column) -> setNumber(row, column, value.amount(), money);
        }

        private Value num(BigDecimal value) {
            return (row, column) -> setNumber(row, column, value, decimal);
        }

        private Value formula(String formula, CellStyle style) {
            return (row, column) -> setFormula(row, column, formula, style);
        }

        private Value count(@Nullable Long value) {
            return value == null ? blank() : num(BigDecimal.valueOf(value));
        }

        private void row(Value... values) {
            Row row = sheet.createRow(rowIndex++);
            for (int i = 0; i < values.length; i++) {
                values[i].write(row, i);
            }
        }

        private void headerRow(String... keys) {
            Row row = sheet.createRow(rowIndex++);
            for (int i = 0; i < keys.length; i++) {
                setText(row, i, keys[i].isEmpty() ? "" : message(keys[i]), header);
            }
            if (sheet.getPaneInformation() == null) {
                sheet.createFreezePane(0, rowIndex);
            }
        }

        /** "40 % flatt, 60 % innbyggertall" rather than the stored FLAT:40;POPULATION:60. */
        private String readable(SplitKey key) {
            return key.parts().stream()
                    .map(part -> part.weightPercent() + " % " + message("economics.driver." + part.driver()))
                    .collect(Collectors.joining(", "));
        }

        private void setText(Row row, int column, String value, @Nullable CellStyle style) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        private void setNumber(Row row, int column, BigDecimal value, CellStyle style) {
            var cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }

        /** Money formulas are rounded to the øre as Varde's amounts are, so sums show no floating-point dust. */
        private void setFormula(Row row, int column, String formula, @Nullable CellStyle style) {
            var cell = row.createCell(column);
            boolean isMoney = style != null && style.getIndex() == money.getIndex();
            boolean rounded = !isMoney || formula.startsWith("ROUND(") || formula.startsWith("IF(");
            cell.setCellFormula(rounded ? formula : "ROUND(" + formula + ",2)");
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        private void widths(int columns) {
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(i, i < 2 ? 36 * 256 : 18 * 256);
            }
        }

        private String message(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }
    }
}
