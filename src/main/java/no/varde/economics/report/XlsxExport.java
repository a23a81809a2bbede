package no.varde.economics.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.Comparison;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.RegionResult;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityRow;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.model.YearResult;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The XLSX export: one sheet per view (summary, municipalities, cost split, years, sensitivity, survey,
 * assumptions). Money is written as numbers with øre, so the workbook can be recalculated.
 */
@Component
public class XlsxExport {

    private final MessageSource messages;

    XlsxExport(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(DecisionReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer writer = new Writer(workbook, locale);
            writer.summary(report);
            writer.municipalities(report.result());
            writer.split(report.result());
            writer.years(report.result());
            writer.sensitivity(report);
            writer.survey(report);
            writer.assumptions(report.result());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-ECON-0051: the XLSX export could not be written", e);
        }
    }

    private final class Writer {

        private final XSSFWorkbook workbook;
        private final Locale locale;
        private final CellStyle money;
        private final CellStyle decimal;
        private final CellStyle header;
        private Sheet sheet;
        private int rowIndex;

        Writer(XSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            this.money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            this.decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
            this.header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            this.sheet = workbook.createSheet("-");
            workbook.removeSheetAt(0);
        }

        void summary(DecisionReport report) {
            ScenarioResult result = report.result();
            RegionResult region = result.region();
            start("economics.sheet.summary");
            row(text(result.scenario().name()));
            row(
                    label("economics.report.preparedAt"),
                    text(Formats.of(locale).dateTime(report.preparedAt(), report.zone())));
            row(label("economics.report.preparedBy"), text(report.preparedBy()));
            row();
            headerRow("", "economics.period.firstYear", "economics.period.steadyState", "economics.period.horizon");
            comparisonRows(region.firstYear(), region.steadyState(), region.horizon());
            row();
            headerRow("", "economics.staffing.asIs", "economics.staffing.toBe", "economics.staffing.reduction");
            row(
                    label("economics.staffing.hours"),
                    num(region.staffing().asIsHours()),
                    num(region.staffing().toBeHours()),
                    num(region.staffing().hoursReduction()));
            row(
                    label("economics.staffing.fte"),
                    num(region.staffing().asIsFte()),
                    num(region.staffing().toBeFte()),
                    num(region.staffing().fteReduction()));
            row();
            row(
                    label("economics.result.payingMore"),
                    text(String.valueOf(region.payingMoreSteadyState().size())));
            autosize(4);
        }

        private void comparisonRows(Comparison first, Comparison steady, Comparison horizon) {
            row(label("economics.result.asIs"), money(first.asIs()), money(steady.asIs()), money(horizon.asIs()));
            row(label("economics.result.toBe"), money(first.toBe()), money(steady.toBe()), money(horizon.toBe()));
            row(
                    label("economics.result.savings"),
                    money(first.savings()),
                    money(steady.savings()),
                    money(horizon.savings()));
            row(
                    label("economics.result.savingsPercent"),
                    num(first.savingsPercent()),
                    num(steady.savingsPercent()),
                    num(horizon.savingsPercent()));
            row(
                    label("economics.result.asIsPerInhabitant"),
                    money(first.asIsPerInhabitant()),
                    money(steady.asIsPerInhabitant()),
                    money(horizon.asIsPerInhabitant()));
            row(
                    label("economics.result.toBePerInhabitant"),
                    money(first.toBePerInhabitant()),
                    money(steady.toBePerInhabitant()),
                    money(horizon.toBePerInhabitant()));
        }

        void municipalities(ScenarioResult result) {
            start("economics.sheet.municipalities");
            headerRow(
                    "economics.col.kommunenummer",
                    "economics.col.name",
                    "economics.col.population",
                    "economics.col.estimated",
                    "economics.col.asIsDirect",
                    "economics.col.asIsHoursCost",
                    "economics.col.asIs",
                    "economics.col.asIsPerInhabitant",
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
                    "economics.col.paysMore");
            for (MunicipalityResult m : result.municipalities()) {
                row(
                        text(m.kommunenummer().value()),
                        text(m.name()),
                        num(BigDecimal.valueOf(m.population())),
                        yesNo(m.estimated()),
                        money(m.asIsDirect()),
                        money(m.asIsHoursCost()),
                        money(m.asIsTotal()),
                        money(m.steadyState().asIsPerInhabitant()),
                        money(m.toBeAnnual()),
                        money(m.toBeOneOff()),
                        money(m.firstYear().toBe()),
                        money(m.steadyState().toBePerInhabitant()),
                        money(m.steadyState().savings()),
                        num(m.steadyState().savingsPercent()),
                        money(m.firstYear().savings()),
                        money(m.horizon().savings()),
                        num(m.staffing().asIsHours()),
                        num(m.staffing().toBeHours()),
                        num(m.staffing().asIsFte()),
                        num(m.staffing().toBeFte()),
                        yesNo(m.steadyState().paysMore()));
            }
            RegionResult r = result.region();
            row(
                    text(""),
                    label("economics.col.region"),
                    num(BigDecimal.valueOf(r.population())),
                    text(""),
                    money(r.asIsDirect()),
                    money(r.asIsHoursCost()),
                    money(r.asIsTotal()),
                    money(r.steadyState().asIsPerInhabitant()),
                    money(r.toBeAnnual()),
                    money(r.toBeOneOff()),
                    money(r.firstYear().toBe()),
                    money(r.steadyState().toBePerInhabitant()),
                    money(r.steadyState().savings()),
                    num(r.steadyState().savingsPercent()),
                    money(r.firstYear().savings()),
                    money(r.horizon().savings()),
                    num(r.staffing().asIsHours()),
                    num(r.staffing().toBeHours()),
                    num(r.staffing().asIsFte()),
                    num(r.staffing().toBeFte()),
                    text(""));
            autosize(21);
        }

        void split(ScenarioResult result) {
            start("economics.sheet.split");
            List<CostItem> items = result.scenario().items();
            Row head = sheet.createRow(rowIndex++);
            setText(head, 0, message("economics.col.kommunenummer"), header);
            setText(head, 1, message("economics.col.name"), header);
            for (int i = 0; i < items.size(); i++) {
                setText(head, 2 + i, items.get(i).name(), header);
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
            // the names, the item names and their split keys stay in view while scrolling
            sheet.createFreezePane(2, rowIndex);
            for (MunicipalityResult m : result.municipalities()) {
                Row row = sheet.createRow(rowIndex++);
                setText(row, 0, m.kommunenummer().value(), null);
                setText(row, 1, m.name(), null);
                for (int i = 0; i < items.size(); i++) {
                    setNumber(row, 2 + i, m.itemShares().get(i).amount(), money);
                }
            }
            Row total = sheet.createRow(rowIndex++);
            setText(total, 1, message("economics.col.total"), header);
            for (int i = 0; i < items.size(); i++) {
                setNumber(total, 2 + i, items.get(i).amount().amount(), money);
            }
            autosize(2 + items.size());
        }

        void years(ScenarioResult result) {
            start("economics.sheet.years");
            headerRow(
                    "economics.col.year",
                    "economics.result.asIs",
                    "economics.result.toBe",
                    "economics.result.savings",
                    "economics.col.cumulativeSavings");
            for (YearResult year : result.years()) {
                row(
                        num(BigDecimal.valueOf(year.year())),
                        money(year.asIs()),
                        money(year.toBe()),
                        money(year.savings()),
                        money(year.cumulativeSavings()));
            }
            autosize(5);
        }

        void sensitivity(DecisionReport report) {
            start("economics.sheet.sensitivity");
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
                row(
                        text(r.itemName() == null ? driver : driver + ": " + r.itemName()),
                        money(r.steadyStateSavingsLow()),
                        money(r.steadyStateSavingsHigh()),
                        money(r.horizonSavingsLow()),
                        money(r.horizonSavingsHigh()),
                        money(r.swing()));
            }
            autosize(6);
        }

        void survey(DecisionReport report) {
            start("economics.sheet.survey");
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
                    "economics.survey.handlingMinutes");
            for (MunicipalityResult m : report.result().municipalities()) {
                SurveyAnswer a =
                        report.answers().getOrDefault(m.kommunenummer(), SurveyAnswer.unanswered(m.kommunenummer()));
                AsIsCosts c = a.costs();
                row(
                        text(m.kommunenummer().value()),
                        text(m.name()),
                        num(BigDecimal.valueOf(m.population())),
                        c == null ? text("") : money(c.licence()),
                        c == null ? text("") : money(c.operationsAgreement()),
                        c == null ? text("") : money(c.integration()),
                        c == null ? text("") : money(c.administration()),
                        c == null ? text("") : money(c.storageServer()),
                        c == null ? text("") : num(c.manualFollowUpHours()),
                        count(a.activeDevices()),
                        count(a.serviceRecipients()),
                        count(a.alarmsPerYear()),
                        count(a.handlingMinutes()));
            }
            autosize(13);
        }

        void assumptions(ScenarioResult result) {
            start("economics.sheet.assumptions");
            Assumptions a = result.assumptions();
            row(label("economics.assumptions.reference"), money(a.referenceCostPerInhabitant()));
            row(label("economics.assumptions.salary"), money(a.salaryPerFte()));
            row(label("economics.assumptions.hoursPerFte"), num(a.hoursPerFte()));
            row(label("economics.assumptions.horizon"), num(BigDecimal.valueOf(a.horizonYears())));
            row(label("economics.scenario.remaining"), num(result.scenario().remainingManualSharePercent()));
            row();
            headerRow(
                    "economics.item.name",
                    "economics.item.kind",
                    "economics.item.amount",
                    "economics.item.fte",
                    "economics.item.splitKey");
            for (CostItem item : result.scenario().items()) {
                row(
                        text(item.name()),
                        label("economics.kind." + item.kind()),
                        money(item.amount()),
                        num(item.fte()),
                        text(readable(item.splitKey())));
            }
            row();
            for (DriverNote note : result.driverNotes()) {
                row(
                        label("economics.driver." + note.driver()),
                        label("economics.note." + note.source()),
                        text(note.estimated().toString()));
            }
            autosize(5);
        }

        private void start(String nameKey) {
            sheet = workbook.createSheet(message(nameKey));
            rowIndex = 0;
        }

        private interface Value {
            void write(Row row, int column);
        }

        private Value text(String value) {
            return (row, column) -> setText(row, column, value, null);
        }

        private Value label(String key) {
            return text(message(key));
        }

        private Value yesNo(boolean value) {
            return label(value ? "common.yes" : "common.no");
        }

        private Value money(Nok value) {
            return (row, column) -> setNumber(row, column, value.amount(), money);
        }

        private Value num(BigDecimal value) {
            return (row, column) -> setNumber(row, column, value, decimal);
        }

        private Value count(@Nullable Long value) {
            return value == null ? text("") : num(BigDecimal.valueOf(value));
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
        private String readable(no.varde.economics.model.SplitKey key) {
            return key.parts().stream()
                    .map(part -> part.weightPercent() + " % " + message("economics.driver." + part.driver()))
                    .collect(java.util.stream.Collectors.joining(", "));
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

        private void autosize(int columns) {
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(i, i < 2 ? 36 * 256 : 18 * 256);
            }
        }

        private String message(String key) {
            return messages.getMessage(key, null, key, locale);
        }
    }
}
