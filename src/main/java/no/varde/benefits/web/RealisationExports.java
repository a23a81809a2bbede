package no.varde.benefits.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import no.varde.benefits.Realisation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One indicator's realisation as XLSX: planned and realised per month as Varde has them (a realised value suppressed
 * or not measured is empty), the difference {@code =realised − planned} and the cumulative sums as formulas; the
 * indicator's baseline, target and source above; header row frozen.
 */
@Component
class RealisationExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;

    RealisationExports(MessageSource messages) {
        this.messages = messages;
    }

    byte[] xlsx(Realisation r, Map<String, String> names, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            var indicator = r.indicator();
            Sheet sheet = book.createSheet(text("benefits.xlsx.sheet.realisation", locale));
            String[] header = {
                text("benefits.col.month", locale),
                text("benefits.col.planned", locale) + " (" + indicator.unit() + ")",
                text("benefits.col.realised", locale) + " (" + indicator.unit() + ")",
                text("benefits.col.difference", locale),
                text("benefits.xlsx.plannedToDate", locale),
                text("benefits.xlsx.realisedToDate", locale)
            };
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                var cell = head.createCell(c);
                cell.setCellValue(header[c]);
                cell.setCellStyle(bold);
            }
            int row = 1;
            for (Realisation.Row month : r.months()) {
                Row x = sheet.createRow(row);
                int n = row + 1;
                x.createCell(0).setCellValue(month.month().toString());
                x.createCell(1).setCellValue(month.planned().doubleValue());
                if (month.realised() != null) {
                    x.createCell(2).setCellValue(month.realised().doubleValue());
                    x.createCell(3).setCellFormula("C" + n + "-B" + n);
                }
                x.createCell(4).setCellFormula("SUM(B$2:B" + n + ")");
                x.createCell(5).setCellFormula("SUM(C$2:C" + n + ")");
                row++;
            }
            int info = row + 1;
            String scope = r.kommunenummer() == null
                    ? text("benefits.region", locale)
                    : names.getOrDefault(r.kommunenummer(), r.kommunenummer());
            line(sheet, info++, indicator.name(), scope);
            line(sheet, info++, text("benefits.col.area", locale), text("benefits.area." + indicator.area(), locale));
            line(
                    sheet,
                    info++,
                    text("benefits.col.baseline", locale),
                    indicator.baseline().toPlainString() + " " + indicator.unit() + " (" + indicator.startMonth() + ") "
                            + indicator.baselineNote());
            line(
                    sheet,
                    info++,
                    text("benefits.col.target", locale),
                    indicator.target().toPlainString() + " " + indicator.unit() + " (" + indicator.targetMonth() + ")");
            line(
                    sheet,
                    info++,
                    text("benefits.col.source", locale),
                    text("benefits.source." + indicator.source(), locale)
                            + (indicator.minutesPerAlarm() == null
                                    ? ""
                                    : " — " + text("benefits.minutesPerAlarm", locale) + ": "
                                            + indicator.minutesPerAlarm().toPlainString()));
            line(sheet, info, text("benefits.xlsx.realisationNote", locale), "");
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < header.length; c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            sheet.createFreezePane(1, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-BEN-0053: the realisation workbook could not be written", e);
        }
    }

    private static void line(Sheet sheet, int row, String label, String value) {
        Row x = sheet.createRow(row);
        x.createCell(0).setCellValue(label);
        x.createCell(1).setCellValue(value);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale).replace("\u00AD", "");
    }
}
