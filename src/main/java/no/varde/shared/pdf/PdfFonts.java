package no.varde.shared.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font Varde's PDFs embed: DejaVu Sans (shipped in {@code fonts/dejavu} with its licence), which has the Sámi
 * letters (á č đ ŋ š ŧ ž, Skolt and Inari Sámi ǥ ǧ ǩ ǯ ʒ) that the standard PDF fonts print as '#'. Templates name
 * it as {@code font-family: 'DejaVu Sans'}.
 */
public final class PdfFonts {

    public static final String FAMILY = "DejaVu Sans";

    private PdfFonts() {}

    public static PdfRendererBuilder embed(PdfRendererBuilder builder) {
        builder.useFont(
                () -> font("fonts/dejavu/DejaVuSans.ttf"), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(
                () -> font("fonts/dejavu/DejaVuSans-Bold.ttf"),
                FAMILY,
                700,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        return builder;
    }

    private static InputStream font(String path) {
        InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("VARDE-PDF-0001: the font " + path + " is missing"));
        }
        return in;
    }
}
