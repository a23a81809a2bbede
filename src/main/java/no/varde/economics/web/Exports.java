package no.varde.economics.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import no.varde.economics.analysis.DecisionReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Download responses for the exports, named after the scenario and the date they were made. */
final class Exports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {}

    static ResponseEntity<byte[]> attachment(byte[] content, String type, DecisionReport report, String extension) {
        String filename =
                "varde-okonomi-" + slug(report.result().scenario().name()) + "-" + date(report) + "." + extension;
        return download(content, type, filename);
    }

    /** varde-okonomi-rana-scenario-1-2026-12-01.pdf */
    static ResponseEntity<byte[]> municipality(byte[] pdf, DecisionReport report, String municipality) {
        String filename = "varde-okonomi-" + slug(municipality) + "-"
                + slug(report.result().scenario().name()) + "-" + date(report) + ".pdf";
        return download(pdf, "application/pdf", filename);
    }

    private static LocalDate date(DecisionReport report) {
        return LocalDate.ofInstant(report.preparedAt(), report.zone());
    }

    private static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
