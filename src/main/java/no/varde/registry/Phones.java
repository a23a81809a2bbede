package no.varde.registry;

import java.util.regex.Pattern;

/** Phone numbers as operators dial them: 8 Norwegian digits or an international number with +. */
public final class Phones {

    public static final String RULE = "must be a phone number: 8 digits or + and 7 to 15 digits";
    private static final Pattern PHONE = Pattern.compile("(\\+[0-9]{7,15}|[0-9]{8})");

    private Phones() {}

    public static boolean isValid(String phone) {
        return phone != null && PHONE.matcher(phone.replace(" ", "")).matches();
    }
}
