package no.varde.benefits.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.varde.alarm.AlarmFacts;
import no.varde.benefits.DeviceFacts;
import no.varde.benefits.MonthFacts;
import no.varde.benefits.OperationalFacts;
import no.varde.benefits.Suppression;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The operational facts as an XLSX workbook for analysts: the region per month, the municipalities per month,
 * devices in service (their own sheet: a stock, not an event count) and alarms per VKP alert code. Small counts are
 * suppressed exactly as on the pages and in the API: a count from 1 to below the threshold is written as the text
 * "&lt; 5", never as its value, and handling minutes and the answered share are hidden when they rest on fewer.
 */
@Component
class FactsExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] FACT_COLUMNS = {
        "benefits.col.alarms",
        "benefits.col.technical",
        "benefits.col.byPhone",
        "benefits.col.callouts",
        "benefits.col.minutes",
        "benefits.col.withinTarget",
        "benefits.col.byRules",
        "benefits.col.byPeople"
    };

    private final MessageSource messages;

    FactsExports(MessageSource messages) {
        this.messages = messages;
    }

    byte[] xlsx(
            YearMonth from,
            YearMonth to,
            List<MonthFacts> facts,
            List<DeviceFacts> devices,
            List<AlarmFacts.TypeCount> types,
            Map<String, String> names,
            Suppression suppression,
            Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(book, suppression, locale);
            Sheet region = w.sheet("benefits.xlsx.sheet.region", List.of("benefits.col.month"), FACT_COLUMNS);
            int r = 1;
            for (MonthFacts f : OperationalFacts.region(facts)) {
                Row row = region.createRow(r++);
                row.createCell(0).setCellValue(f.month().toString());
                w.facts(row, 1, f);
            }
            w.note(region, r + 1, from, to);

            Sheet municipalities = w.sheet(
                    "benefits.xlsx.sheet.municipalities",
                    List.of("benefits.xlsx.kommunenummer", "benefits.col.municipality", "benefits.col.month"),
                    FACT_COLUMNS);
            r = 1;
            for (MonthFacts f : facts.stream()
                    .sorted(Comparator.comparing(MonthFacts::kommunenummer).thenComparing(MonthFacts::month))
                    .toList()) {
                Row row = municipalities.createRow(r++);
                row.createCell(0).setCellValue(f.kommunenummer());
                row.createCell(1).setCellValue(names.getOrDefault(f.kommunenummer(), f.kommunenummer()));
                row.createCell(2).setCellValue(f.month().toString());
                w.facts(row, 3, f);
            }

            Sheet fleet = w.sheet(
                    "benefits.xlsx.sheet.devices",
                    List.of("benefits.xlsx.kommunenummer", "benefits.col.municipality", "benefits.col.month"),
                    "benefits.col.devices");
            r = 1;
            for (DeviceFacts d : DeviceFacts.region(devices)) {
                Row row = fleet.createRow(r++);
                row.createCell(1).setCellValue(w.text("benefits.region"));
                row.createCell(2).setCellValue(d.month().toString());
                w.count(row, 3, d.devicesInService());
            }
            for (DeviceFacts d : devices.stream()
                    .sorted(Comparator.comparing(DeviceFacts::kommunenummer).thenComparing(DeviceFacts::month))
                    .toList()) {
                Row row = fleet.createRow(r++);
                row.createCell(0).setCellValue(d.kommunenummer());
                row.createCell(1).setCellValue(names.getOrDefault(d.kommunenummer(), d.kommunenummer()));
                row.createCell(2).setCellValue(d.month().toString());
                w.count(row, 3, d.devicesInService());
            }

            Sheet byType = w.sheet(
                    "benefits.xlsx.sheet.types",
                    List.of("benefits.xlsx.kommunenummer", "benefits.col.municipality", "benefits.col.month"),
                    "benefits.col.alertCode",
                    "benefits.col.alarmsAll");
            r = 1;
            for (AlarmFacts.TypeCount t : OperationalFacts.regionByType(types)) {
                Row row = byType.createRow(r++);
                row.createCell(1).setCellValue(w.text("benefits.region"));
                row.createCell(2).setCellValue(t.month().toString());
                row.createCell(3).setCellValue(String.valueOf(t.alertCode()));
                w.count(row, 4, t.alarms());
            }
            for (AlarmFacts.TypeCount t : types) {
                Row row = byType.createRow(r++);
                row.createCell(0).setCellValue(t.kommunenummer());
                row.createCell(1).setCellValue(names.getOrDefault(t.kommunenummer(), t.kommunenummer()));
                row.createCell(2).setCellValue(t.month().toString());
                row.createCell(3).setCellValue(String.valueOf(t.alertCode()));
                w.count(row, 4, t.alarms());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-BEN-0052: the facts workbook could not be written", e);
        }
    }

    /** Writes cells the same way on every sheet: labels from the bundles, counts suppressed. */
    private final class Writer {
        private final XSSFWorkbook book;
        private final Suppression suppression;
        private final Locale locale;
        private final CellStyle bold;

        Writer(XSSFWorkbook book, Suppression suppression, Locale locale) {
            this.book = book;
            this.suppression = suppression;
            this.locale = locale;
            this.bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
        }

        Sheet sheet(String nameKey, List<String> leading, String... columns) {
            Sheet sheet = book.createSheet(text(nameKey));
            Row header = sheet.createRow(0);
            int c = 0;
            for (String key : leading) {
                header(header, c++, key);
            }
            for (String key : columns) {
                header(header, c++, key);
            }
            for (int i = 0; i < c; i++) {
                sheet.setColumnWidth(i, (i < leading.size() ? 14 : 18) * 256);
            }
            // the header row and the row labels stay in view while scrolling
            sheet.createFreezePane(leading.size(), 1);
            return sheet;
        }

        private void header(Row row, int column, String key) {
            var cell = row.createCell(column);
            cell.setCellValue(text(key));
            cell.setCellStyle(bold);
        }

        void facts(Row row, int first, MonthFacts f) {
            count(row, first, f.alarms());
            count(row, first + 1, f.technical());
            count(row, first + 2, f.resolvedByPhone());
            count(row, first + 3, f.callouts());
            // minutes over few alarms would reveal them too
            if (suppression.suppressed(f.alarms() + f.technical())) {
                row.createCell(first + 4).setCellValue("< " + suppression.below());
            } else {
                row.createCell(first + 4).setCellValue(Math.round(f.handlingMinutes()));
            }
            if (f.answered() == 0 || suppression.suppressed(f.answered())) {
                row.createCell(first + 5).setCellValue("–");
            } else {
                row.createCell(first + 5)
                        .setCellValue(BigDecimal.valueOf(f.answeredWithinTarget() * 100L)
                                .divide(BigDecimal.valueOf(f.answered()), 1, RoundingMode.HALF_UP)
                                .doubleValue());
            }
            count(row, first + 6, f.technicalClosedByRules());
            count(row, first + 7, f.technicalClosedByPeople());
        }

        void count(Row row, int column, long value) {
            if (suppression.suppressed(value)) {
                row.createCell(column).setCellValue("< " + suppression.below());
            } else {
                row.createCell(column).setCellValue(value);
            }
        }

        void note(Sheet sheet, int rowIndex, YearMonth from, YearMonth to) {
            sheet.createRow(rowIndex)
                    .createCell(0)
                    .setCellValue(messages.getMessage(
                            "benefits.xlsx.note", new Object[] {from, to, suppression.below()}, locale));
        }

        String text(String key) {
            // soft hyphens help narrow table headers on pages, not a spreadsheet
            return messages.getMessage(key, null, key, locale).replace("\u00AD", "");
        }
    }
}
