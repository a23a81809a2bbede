package no.varde.economics.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import no.varde.economics.analysis.DecisionReport;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The PDF decision report (beslutningsgrunnlag): the Thymeleaf template {@code economics/report} rendered to
 * XHTML with the same formats as the pages, then laid out as PDF by openhtmltopdf (on Apache PDFBox) with the
 * embedded DejaVu Sans; and the one-page summary per municipality the same way.
 */
@Component
public class PdfReport {

    private final ITemplateEngine templates;

    PdfReport(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(DecisionReport report, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("view", ReportView.of(report, Formats.of(locale)));
        context.setVariable("fmt", Formats.of(locale));
        return templates.process("economics/report", context);
    }

    public byte[] render(DecisionReport report, Locale locale) {
        return pdf(html(report, locale), "VARDE-ECON-0050: the decision report could not be rendered");
    }

    /** The one-page summary of one municipality for its council (template {@code economics/municipality}). */
    public String municipalityHtml(MunicipalitySummary summary, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("s", summary);
        context.setVariable("fmt", Formats.of(locale));
        return templates.process("economics/municipality", context);
    }

    public byte[] renderMunicipality(MunicipalitySummary summary, Locale locale) {
        return pdf(
                municipalityHtml(summary, locale), "VARDE-ECON-0052: the municipality summary could not be rendered");
    }

    private static byte[] pdf(String html, String failure) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = no.varde.shared.pdf.PdfFonts.embed(new PdfRendererBuilder());
            builder.useFastMode();
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        }
    }
}
