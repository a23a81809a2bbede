package no.varde.registry;

import java.util.regex.Pattern;

/**
 * A Norwegian national identity number (fødselsnummer, 11 digits with two mod-11 check digits). D-numbers
 * (day + 40), H-numbers (month + 40) and the tax administration's synthetic test numbers (month + 80) pass too.
 */
public record NationalId(String value) {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    public NationalId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid national id");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || !ELEVEN_DIGITS.matcher(candidate).matches()) {
            return false;
        }
        int[] d = candidate.chars().map(c -> c - '0').toArray();
        return d[9] == control(d, K1) && d[10] == control(d, K2) && plausibleDate(d);
    }

    /** Appends the two check digits to nine digits (date and individual number). */
    public static String withCheckDigits(String nineDigits) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = nineDigits.charAt(i) - '0';
        }
        d[9] = control(d, K1);
        d[10] = control(d, K2);
        if (d[9] > 9 || d[10] > 9) {
            throw new IllegalArgumentException("no valid check digits for " + nineDigits);
        }
        return nineDigits + d[9] + d[10];
    }

    private static int control(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int rest = 11 - sum % 11;
        return rest == 11 ? 0 : rest;
    }

    private static boolean plausibleDate(int[] d) {
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        if (day > 40) {
            day -= 40;
        }
        if (month > 80) {
            month -= 80;
        } else if (month > 40) {
            month -= 40;
        }
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    /** Only the birth date part and the last two digits hidden, for pages that must not show the whole id. */
    public String masked() {
        return value.substring(0, 6) + " *****";
    }

    @Override
    public String toString() {
        return masked();
    }
}
