package no.varde.registry;

import java.util.HashMap;
import java.util.Map;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;

/**
 * Need-to-know in SQL: the one building block every query of personal data uses to keep a user to the
 * municipalities of their scope, and the rule for rows no municipality owns (alarms of unknown or unassigned
 * devices). {@code NeedToKnowRulesTests} fails when a query of a personal-data table bypasses it.
 *
 * <p>Usage: put {@link #within(String)} (or {@link #withinOrUnassigned(String)}) into the WHERE clause and bind
 * {@link #params(AccessScope)} (or {@link #params(AccessScope, boolean)}) to the statement.
 */
public final class NeedToKnow {

    private NeedToKnow() {}

    /** The row's municipality column is in the scope. */
    public static String within(String column) {
        return " (:scopeAll or " + column + " = any(:scopeKommuner)) ";
    }

    /** As {@link #within}, and rows without a municipality too when the user sees those (see below). */
    public static String withinOrUnassigned(String column) {
        return " (:scopeAll or " + column + " = any(:scopeKommuner) or (" + column + " is null and :scopeUnassigned)) ";
    }

    public static Map<String, Object> params(AccessScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopeAll", scope.everything());
        params.put("scopeKommuner", scope.sqlArray());
        return params;
    }

    public static Map<String, Object> params(AccessScope scope, boolean unassigned) {
        Map<String, Object> params = params(scope);
        params.put("scopeUnassigned", unassigned);
        return params;
    }

    /**
     * Who sees rows no municipality owns: the response centre's operators (an alarm from an unknown device must
     * reach a person) and system administrators. Everyone else sees only their municipalities' rows.
     */
    public static boolean seesUnassigned(VardeUser user) {
        return user.role().handlesAlarms() || user.role() == Role.SYSTEM_ADMIN;
    }
}
