package no.varde.benefits.web;

import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * As the economics: analysts, municipal administrators and system administrators see aggregates; analysts and
 * system administrators change the plan; a municipal administrator enters values for their own municipality.
 */
final class BenefitsAccess {

    static final String VIEW = "hasAnyRole('REGION_ANALYST', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";
    static final String EDIT = "hasAnyRole('REGION_ANALYST', 'SYSTEM_ADMIN')";

    private BenefitsAccess() {}

    static boolean canEdit(VardeUser user) {
        return user.role() == Role.REGION_ANALYST || user.role() == Role.SYSTEM_ADMIN;
    }

    static VardeUser checkEntry(@Nullable String kommunenummer) {
        VardeUser user = CurrentUser.get();
        boolean own = user.role() == Role.MUNICIPAL_ADMIN
                && kommunenummer != null
                && user.kommunenummer() != null
                && kommunenummer.equals(user.kommunenummer().value());
        if (!canEdit(user) && !own) {
            throw new AccessDeniedException("VARDE-BEN-0040: " + user.username() + " may not enter values for "
                    + (kommunenummer == null ? "the region" : kommunenummer));
        }
        return user;
    }
}
