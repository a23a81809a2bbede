package no.varde.accounts;

import no.varde.shared.web.FieldProblem;

/**
 * Everything that can be wrong with an account change, with a stable code an administrator can report. Pages
 * show the text of the message key {@code accounts.problem.<code>}; the API answers with the English text.
 */
public enum AccountProblem {
    USERNAME_FORMAT("VARDE-ACCT-0001", "must be 2-64 characters: lower-case letters, digits and . _ @ -"),
    USERNAME_TAKEN("VARDE-ACCT-0002", "is already in use"),
    DISPLAY_NAME_BLANK("VARDE-ACCT-0003", "must not be blank (at most 200 characters)"),
    ROLE_UNKNOWN(
            "VARDE-ACCT-0004",
            "must be one of OPERATOR, SUPERVISOR, HOME_CARE, MUNICIPAL_ADMIN, REGION_ANALYST, SYSTEM_ADMIN"),
    MUNICIPALITY_REQUIRED("VARDE-ACCT-0005", "HOME_CARE and MUNICIPAL_ADMIN accounts need an existing municipality"),
    MUNICIPALITY_NOT_ALLOWED("VARDE-ACCT-0006", "only HOME_CARE and MUNICIPAL_ADMIN accounts belong to a municipality"),
    RESPONSE_CENTRE_REQUIRED("VARDE-ACCT-0007", "OPERATOR and SUPERVISOR accounts need an existing response centre"),
    RESPONSE_CENTRE_NOT_ALLOWED("VARDE-ACCT-0008", "only OPERATOR and SUPERVISOR accounts belong to a response centre"),
    PASSWORD_TOO_SHORT("VARDE-ACCT-0009", "must be at least " + PasswordPolicy.MIN_LENGTH + " characters"),
    PASSWORD_TOO_LONG("VARDE-ACCT-0010", "must be at most " + PasswordPolicy.MAX_LENGTH + " characters"),
    PASSWORD_CONTAINS_USERNAME("VARDE-ACCT-0011", "must not contain the username"),
    OIDC_SUBJECT_FORMAT("VARDE-ACCT-0012", "must be 1-255 characters without spaces"),
    OIDC_SUBJECT_TAKEN("VARDE-ACCT-0013", "is already bound to another account"),
    ROLE_NOT_PERMITTED("VARDE-ACCT-0014", "your role may not manage accounts of this role or municipality"),
    OWN_ACCOUNT_DISABLE("VARDE-ACCT-0015", "you cannot disable your own account"),
    NO_SIGN_IN_METHOD("VARDE-ACCT-0016", "give a password or an OpenID Connect subject, or the account cannot sign in");

    private final String code;
    private final String text;

    AccountProblem(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "accounts.problem." + code;
    }

    public FieldProblem on(String field) {
        return new FieldProblem(field, code + ": " + text);
    }

    /** The problem a {@link FieldProblem} message starts with, to show it in the user's language. */
    public static java.util.Optional<AccountProblem> of(FieldProblem problem) {
        for (AccountProblem candidate : values()) {
            if (problem.message().startsWith(candidate.code + ":")) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
