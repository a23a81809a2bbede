package no.varde.economics.survey;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Reads numbers as people type them in Norwegian or English spreadsheets: {@code 71897}, {@code 71 897},
 * {@code 71897,50}, {@code 71 897.50}, {@code 1.234,50}. Returns null for anything that is not such a number.
 */
public final class Amounts {

    private Amounts() {}

    public static @Nullable BigDecimal parse(String text) {
        String compact = text.strip()
                .replace(" ", "")
                .replace("\u00A0", "")
                .replace("\u202F", "")
                .replace("kr", "");
        if (compact.isEmpty()) {
            return null;
        }
        if (compact.contains(",")) {
            if (compact.indexOf(',') != compact.lastIndexOf(',')) {
                return null;
            }
            compact = compact.replace(".", "").replace(',', '.');
        }
        if (!compact.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(compact);
    }

    /** A non-negative amount with at most two decimals (øre), or null. */
    public static @Nullable BigDecimal money(String text) {
        BigDecimal value = parse(text);
        return value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2 ? null : value;
    }

    /** A non-negative whole number, or null. */
    public static @Nullable Long count(String text) {
        BigDecimal value = parse(text);
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
