package no.varde.economics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.varde.economics.model.Nok;

/**
 * Number formats shared by the pages, the PDF report and the tests, so a figure reads the same everywhere:
 * Norwegian {@code 26 500 000} and {@code 52,8 %}, English {@code 26,500,000} and {@code 52.8 %}. The
 * Norwegian group separator is a no-break space and the minus a hyphen-minus, which every PDF font has.
 */
public final class Formats {

    private final Locale locale;
    private final DecimalFormatSymbols symbols;

    private Formats(Locale locale) {
        this.locale = locale;
        this.symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        boolean english = "en".equals(locale.getLanguage());
        symbols.setGroupingSeparator(english ? ',' : '\u00A0');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMinusSign('-');
    }

    public static Formats of(Locale locale) {
        return new Formats(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Whole kroner, e.g. {@code 26 500 000}. */
    public String nok(Nok amount) {
        return decimal(amount.amount(), 0);
    }

    /** Kroner and øre, e.g. {@code 318,86}. */
    public String ore(Nok amount) {
        return decimal(amount.amount(), 2);
    }

    /** A percentage with one decimal and the sign, e.g. {@code 52,8 %}. */
    public String percent(BigDecimal percent) {
        return decimal(percent, 1) + "\u00A0%";
    }

    public String decimal(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    public String integer(long value) {
        return decimal(BigDecimal.valueOf(value), 0);
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern(
                        "en".equals(locale.getLanguage()) ? "d MMMM yyyy, HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", locale)
                .withZone(zone)
                .format(instant);
    }
}
