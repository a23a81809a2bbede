package no.varde.registry;

import java.util.Set;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.springframework.stereotype.Service;

/** Resolves which municipalities' residents a user may see. */
@Service
public class AccessScopes {

    private final ResponseCentres responseCentres;

    AccessScopes(ResponseCentres responseCentres) {
        this.responseCentres = responseCentres;
    }

    public AccessScope current() {
        return forUser(CurrentUser.get());
    }

    public AccessScope forUser(VardeUser user) {
        return switch (user.role()) {
            case SYSTEM_ADMIN -> AccessScope.all();
            case REGION_ANALYST -> AccessScope.none();
            case HOME_CARE, MUNICIPAL_ADMIN ->
                user.kommunenummer() == null ? AccessScope.none() : AccessScope.of(Set.of(user.kommunenummer()));
            case TECHNICIAN -> AccessScope.of(user.kommuner());
            case OPERATOR, SUPERVISOR ->
                user.responseCentreId() == null
                        ? AccessScope.none()
                        : responseCentres
                                .find(user.responseCentreId())
                                .map(centre -> AccessScope.of(Set.copyOf(centre.servedMunicipalities())))
                                .orElse(AccessScope.none());
        };
    }
}
