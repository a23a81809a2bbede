package no.varde.benefits.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.varde.benefits.measures.Measure;
import no.varde.registry.Municipalities;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The portfolio for the municipal planning process: XLSX (the four økonomiplan years as numbers, each row's total
 * and the column totals as formulas, header row frozen) and PDF.
 */
@Component
class PortfolioExports {

    private final MessageSource messages;
    private final Municipalities municipalities;
    private final ITemplateEngine templates;
    private final Clock clock;

    PortfolioExports(MessageSource messages, Municipalities municipalities, ITemplateEngine templates, Clock clock) {
        this.messages = messages;
        this.municipalities = municipalities;
        this.templates = templates;
        this.clock = clock;
    }

    /** The four years of the økonomiplan: next year and the three after it (Europe/Oslo). */
    List<Integer> years() {
        int next = LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo"))).getYear() + 1;
        return List.of(next, next + 1, next + 2, next + 3);
    }

    byte[] xlsx(List<Measure> measures, @Nullable String kommunenummer, Locale locale) {
        List<Integer> years = years();
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("benefits.measures.title", locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("# ##0"));
            Row header = sheet.createRow(0);
            String[] columns = {
                text("benefits.measure.name", locale),
                text("benefits.measure.need", locale),
                text("benefits.measure.stage", locale),
                text("benefits.measure.owner", locale),
                text("benefits.measure.municipalities", locale),
                text("benefits.measure.flags", locale)
            };
            for (int c = 0; c < columns.length; c++) {
                cell(header, c, columns[c], bold);
            }
            int firstYear = columns.length;
            for (int y = 0; y < years.size(); y++) {
                cell(header, firstYear + y, years.get(y).toString(), bold);
            }
            cell(header, firstYear + years.size(), text("benefits.measure.total", locale), bold);
            int r = 1;
            for (Measure m : measures) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(m.name());
                row.createCell(1).setCellValue(m.need());
                row.createCell(2).setCellValue(text("benefits.stage." + m.stage(), locale));
                row.createCell(3).setCellValue(m.owner());
                row.createCell(4).setCellValue(names(m));
                row.createCell(5).setCellValue(flags(m, locale));
                for (int y = 0; y < years.size(); y++) {
                    Cell cost = row.createCell(firstYear + y);
                    cost.setCellValue(m.costIn(years.get(y)).doubleValue());
                    cost.setCellStyle(money);
                }
                Cell total = row.createCell(firstYear + years.size());
                total.setCellFormula("SUM(" + ref(r, firstYear) + ":" + ref(r, firstYear + years.size() - 1) + ")");
                total.setCellStyle(money);
                r++;
            }
            Row sum = sheet.createRow(r);
            cell(sum, 0, text("benefits.measure.total", locale), bold);
            for (int c = firstYear; c <= firstYear + years.size(); c++) {
                Cell total = sum.createCell(c);
                total.setCellFormula(measures.isEmpty() ? "0" : "SUM(" + ref(1, c) + ":" + ref(r - 1, c) + ")");
                total.setCellStyle(money);
            }
            sheet.createFreezePane(1, 1);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            for (int c = 2; c <= firstYear + years.size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            Row scope = sheet.createRow(r + 2);
            scope.createCell(0)
                    .setCellValue(
                            kommunenummer == null
                                    ? text("benefits.region", locale)
                                    : municipalities.namesByNumber().getOrDefault(kommunenummer, kommunenummer));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-BEN-0051: the portfolio workbook could not be written", e);
        }
    }

    byte[] pdf(List<Measure> measures, @Nullable String kommunenummer, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("measures", measures);
        context.setVariable("years", years());
        context.setVariable("names", municipalities.namesByNumber());
        context.setVariable(
                "scope",
                kommunenummer == null
                        ? text("benefits.region", locale)
                        : municipalities.namesByNumber().getOrDefault(kommunenummer, kommunenummer));
        String html = templates.process("benefits/portfolio-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = no.varde.shared.pdf.PdfFonts.embed(new PdfRendererBuilder());
            builder.useFastMode();
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-BEN-0050: the portfolio PDF could not be rendered", e);
        }
    }

    private String names(Measure m) {
        var names = municipalities.namesByNumber();
        return m.municipalities().stream()
                .sorted()
                .map(k -> names.getOrDefault(k, k))
                .collect(Collectors.joining(", "));
    }

    private String flags(Measure m, Locale locale) {
        StringBuilder flags = new StringBuilder();
        if (m.notFunded()) {
            flags.append(text("benefits.flag.notFunded", locale));
        }
        if (m.noInvolvement()) {
            flags.append(flags.isEmpty() ? "" : "; ").append(text("benefits.flag.noInvolvement", locale));
        }
        return flags.toString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String ref(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }
}
