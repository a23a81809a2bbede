package no.varde.economics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import no.varde.economics.report.Formats;
import no.varde.shared.web.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Scenarios side by side: one column per scenario, the headline figures as rows; as a page, JSON and XLSX. */
@Controller
@PreAuthorize(EconomicsAccess.VIEW)
class ComparisonPages {

    private final ComparisonApi api;
    private final MessageSource messages;

    ComparisonPages(ComparisonApi api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter() {
        return new ModelAndView("error-page").addObject("messageKey", "economics.error.badParameter");
    }

    @GetMapping("/economics/comparison")
    String page(@RequestParam(required = false) @Nullable Integer years, Model model, Locale locale) {
        model.addAttribute("c", api.json(years));
        model.addAttribute("fmt", Formats.of(locale));
        return "economics/comparison";
    }

    @GetMapping("/economics/comparison.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable Integer years, Locale locale) {
        ComparisonApi.ComparisonJson c = api.json(years);
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("economics.compare.title", null, locale));
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("");
            for (int i = 0; i < c.scenarios().size(); i++) {
                head.createCell(i + 1).setCellValue(c.scenarios().get(i));
            }
            int r = 1;
            for (ComparisonApi.Line line : c.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0)
                        .setCellValue(messages.getMessage(line.key(), new Object[] {c.horizonYears()}, locale));
                for (int i = 0; i < line.values().size(); i++) {
                    BigDecimal v = line.values().get(i);
                    if (v != null) {
                        row.createCell(i + 1).setCellValue(v.doubleValue());
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            sheet.setColumnWidth(0, 40 * 256);
            for (int i = 0; i < c.scenarios().size(); i++) {
                sheet.setColumnWidth(i + 1, 30 * 256);
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scenarier.xlsx\"")
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-ECON-0051: the comparison workbook could not be written", e);
        }
    }
}
