package no.varde.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.varde.shared.web.FieldProblem;

/**
 * The rules for local passwords: long rather than complicated (NIST SP 800-63B), never the username. The
 * upper bound keeps Argon2 hashing cheap enough that nobody can slow the server down with huge passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    public static List<FieldProblem> check(String field, String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(AccountProblem.PASSWORD_TOO_SHORT.on(field));
        } else if (length > MAX_LENGTH) {
            problems.add(AccountProblem.PASSWORD_TOO_LONG.on(field));
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(AccountProblem.PASSWORD_CONTAINS_USERNAME.on(field));
        }
        return problems;
    }
}
