package no.varde.economics.web;

import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change the economics. Aggregates, not personal data: analysts, municipal administrators
 * and system administrators see everything; analysts and system administrators change assumptions, scenarios
 * and the whole survey; a municipal administrator changes the survey answer of their own municipality.
 */
final class EconomicsAccess {

    static final String VIEW = "hasAnyRole('REGION_ANALYST', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";
    static final String EDIT = "hasAnyRole('REGION_ANALYST', 'SYSTEM_ADMIN')";

    private EconomicsAccess() {}

    static boolean canEdit(VardeUser user) {
        return user.role() == Role.REGION_ANALYST || user.role() == Role.SYSTEM_ADMIN;
    }

    static boolean canEditSurvey(VardeUser user, Kommunenummer kommunenummer) {
        return canEdit(user) || (user.role() == Role.MUNICIPAL_ADMIN && kommunenummer.equals(user.kommunenummer()));
    }

    static VardeUser checkSurveyEditor(Kommunenummer kommunenummer) {
        VardeUser user = CurrentUser.get();
        if (!canEditSurvey(user, kommunenummer)) {
            throw new AccessDeniedException(
                    "VARDE-ECON-0040: " + user.username() + " may not change the survey answer of " + kommunenummer);
        }
        return user;
    }
}
