package no.varde.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import no.varde.planning.HourPlan;
import no.varde.planning.StaffingPlan;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The staffing plan as an XLSX an analyst can follow. Inputs are numbers (the assumptions as named cells, each hour's
 * alarms and the operators Erlang needs — a queueing model a spreadsheet cannot hold); everything derived is a
 * formula: operators on duty {@code =MAX(minimumOnDuty, need)}, the week's hours, hours a year, FTE {@code =hours ÷
 * (hoursPerFte × (1 − shrinkage))}, cost {@code =FTE × salaryPerFte}, and each economics scenario's check. Rounding
 * as Varde's own (FTE 2 decimals, money to the øre), so every figure equals the page's. Header rows are frozen.
 */
@Component
class StaffingExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;
    private final org.thymeleaf.ITemplateEngine templates;
    private final java.time.Clock clock;

    StaffingExports(MessageSource messages, org.thymeleaf.ITemplateEngine templates, java.time.Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The plan as PDF for a decision: the decision the numbers imply first, then the figures, the week and the
     * assumptions; DejaVu Sans embedded, the time in Europe/Oslo (not the server's zone).
     */
    byte[] pdf(StaffingPlan plan, Locale locale, String preparedBy) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(locale);
        context.setVariable("plan", plan);
        context.setVariable("p", plan.parameters());
        context.setVariable("num", new PlanningPages.Numbers(locale));
        context.setVariable(
                "preparedAt",
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")))));
        context.setVariable("preparedBy", preparedBy);
        String html = templates.process("planning/staffing-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var builder = no.varde.shared.pdf.PdfFonts.embed(new com.openhtmltopdf.pdfboxout.PdfRendererBuilder());
            builder.useFastMode();
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-PLAN-0052: the staffing PDF could not be rendered", e);
        }
    }

    byte[] xlsx(StaffingPlan plan, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            // assumptions: named cells the formulas refer to
            Sheet inputs = book.createSheet(text("planning.xlsx.sheet.assumptions", locale));
            header(
                    inputs.createRow(0),
                    bold,
                    text("planning.xlsx.assumption", locale),
                    text("planning.xlsx.value", locale));
            var p = plan.parameters();
            int r = 1;
            r = Workbooks.named(
                    book, inputs, r, "serviceLevel", text("planning.field.serviceLevel", locale), p.serviceLevel());
            r = Workbooks.named(
                    book, inputs, r, "targetSeconds", text("planning.field.targetSeconds", locale), p.targetSeconds());
            r = Workbooks.named(
                    book,
                    inputs,
                    r,
                    "handlingSeconds",
                    text("planning.field.handlingSeconds", locale),
                    p.handlingSeconds());
            r = Workbooks.named(book, inputs, r, "shrinkage", text("planning.field.shrinkage", locale), p.shrinkage());
            r = Workbooks.named(
                    book,
                    inputs,
                    r,
                    "minimumOnDuty",
                    text("planning.xlsx.minimumOnDuty", locale),
                    plan.minimumOnDuty());
            r = Workbooks.named(
                    book,
                    inputs,
                    r,
                    "hoursPerFte",
                    text("planning.xlsx.hoursPerFte", locale),
                    plan.hoursPerFte().doubleValue());
            r = Workbooks.named(
                    book,
                    inputs,
                    r,
                    "salaryPerFte",
                    text("planning.xlsx.salaryPerFte", locale),
                    plan.salaryPerFte().doubleValue());
            r = Workbooks.named(
                    book, inputs, r, "alarmsPerYear", text("planning.figure.alarms", locale), plan.alarmsPerYear());
            Row model = inputs.createRow(r++);
            model.createCell(0).setCellValue(text("planning.xlsx.model", locale));
            model.createCell(1)
                    .setCellValue(
                            p.patienceSeconds() == null
                                    ? "Erlang C"
                                    : "Erlang A (" + text("planning.field.patienceSeconds", locale) + ": "
                                            + p.patienceSeconds() + ")");
            Row source = inputs.createRow(r++);
            source.createCell(0).setCellValue(text("planning.xlsx.source", locale));
            source.createCell(1)
                    .setCellValue(
                            "MEASURED".equals(plan.volumeSource())
                                    ? messages.getMessage(
                                            "planning.source.measured", new Object[] {plan.measuredWeeks()}, locale)
                                    : messages.getMessage(
                                            "planning.source.assumed", new Object[] {plan.alarmsPerYear()}, locale));
            inputs.createRow(r++).createCell(0).setCellValue(text("planning.assumption.zone", locale));
            inputs.setColumnWidth(0, 60 * 256);
            inputs.setColumnWidth(1, 40 * 256);
            inputs.createFreezePane(0, 1);

            // the week: one row per hour, Monday 00 first (Europe/Oslo)
            Sheet week = book.createSheet(text("planning.xlsx.sheet.week", locale));
            header(
                    week.createRow(0),
                    bold,
                    text("planning.xlsx.day", locale),
                    text("planning.week.hour", locale),
                    text("planning.xlsx.alarms", locale),
                    text("planning.xlsx.traffic", locale),
                    text("planning.xlsx.need", locale),
                    text("planning.xlsx.onDuty", locale),
                    text("planning.xlsx.byMinimum", locale),
                    text("planning.xlsx.serviceLevel", locale));
            int row = 1;
            for (HourPlan h : plan.hours()) {
                Row x = week.createRow(row);
                int n = row + 1;
                x.createCell(0).setCellValue(text("planning.day." + h.day(), locale));
                x.createCell(1).setCellValue(h.hour());
                x.createCell(2).setCellValue(h.calls());
                x.createCell(3).setCellFormula("C" + n + "*handlingSeconds/3600");
                x.createCell(4).setCellValue(h.erlangAgents());
                x.createCell(5).setCellFormula("MAX(minimumOnDuty,E" + n + ")");
                x.createCell(6).setCellFormula("IF(E" + n + "<minimumOnDuty,1,0)");
                x.createCell(7).setCellValue(h.serviceLevel());
                row++;
            }
            int last = row; // the last hour's spreadsheet row number
            Row total = week.createRow(row);
            total.createCell(0).setCellValue(text("planning.xlsx.total", locale));
            total.createCell(2).setCellFormula("SUM(C2:C" + last + ")");
            total.createCell(3).setCellFormula("SUM(D2:D" + last + ")");
            total.createCell(5).setCellFormula("SUM(F2:F" + last + ")");
            total.createCell(6).setCellFormula("SUM(G2:G" + last + ")");
            for (int c = 0; c < 8; c++) {
                week.setColumnWidth(c, 16 * 256);
            }
            week.createFreezePane(2, 1);
            String weekName = "'" + week.getSheetName() + "'!";

            // the year and what it takes
            Sheet summary = book.createSheet(text("planning.xlsx.sheet.summary", locale));
            book.setSheetOrder(summary.getSheetName(), 0);
            header(
                    summary.createRow(0),
                    bold,
                    text("planning.figures.title", locale),
                    text("planning.xlsx.value", locale));
            formula(summary, 1, text("planning.xlsx.hoursPerWeek", locale), weekName + "F" + (last + 1));
            formula(summary, 2, text("planning.xlsx.weeksPerYear", locale), "8760/168");
            formula(summary, 3, text("planning.figure.hours", locale), "ROUND(B2*B3,0)");
            formula(summary, 4, text("planning.xlsx.netHoursPerFte", locale), "hoursPerFte*(1-shrinkage)");
            formula(summary, 5, text("planning.figure.fte", locale), "ROUND(B2*B3/B5,2)");
            formula(summary, 6, text("planning.xlsx.minimumFte", locale), "ROUND(minimumOnDuty*8760/B5,2)");
            formula(summary, 7, text("planning.figure.cost", locale), "ROUND(B6*salaryPerFte,2)");
            formula(summary, 8, text("planning.xlsx.hoursByMinimum", locale), weekName + "G" + (last + 1));

            // each economics scenario against the plan: the decision the numbers imply
            header(
                    summary.createRow(10),
                    bold,
                    text("planning.col.scenario", locale),
                    text("planning.col.fte", locale),
                    text("planning.col.averageOnDuty", locale),
                    text("planning.xlsx.keepsMinimum", locale),
                    text("planning.xlsx.missingFte", locale));
            int s = 11;
            for (StaffingPlan.ScenarioCheck check : plan.scenarios()) {
                Row x = summary.createRow(s);
                int n = s + 1;
                x.createCell(0).setCellValue(check.name());
                x.createCell(1).setCellValue(check.fte().doubleValue());
                x.createCell(2).setCellFormula("ROUND(B" + n + "*$B$5/8760,2)");
                x.createCell(3).setCellFormula("IF(B" + n + ">=$B$7,1,0)");
                x.createCell(4).setCellFormula("MAX(0,$B$6-B" + n + ")");
                s++;
            }
            summary.setColumnWidth(0, 50 * 256);
            for (int c = 1; c < 5; c++) {
                summary.setColumnWidth(c, 20 * 256);
            }
            summary.createFreezePane(0, 1);
            book.setActiveSheet(0);
            book.setSelectedTab(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-PLAN-0050: the staffing workbook could not be written", e);
        }
    }

    private static void formula(Sheet sheet, int row, String label, String formula) {
        Row x = sheet.createRow(row);
        x.createCell(0).setCellValue(label);
        x.createCell(1).setCellFormula(formula);
    }

    private static void header(Row row, CellStyle style, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(labels[c]);
            cell.setCellStyle(style);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
