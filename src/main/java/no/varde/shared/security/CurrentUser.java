package no.varde.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in Varde user from the security context. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<VardeUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VardePrincipal principal) {
            return Optional.of(principal.vardeUser());
        }
        return Optional.empty();
    }

    public static VardeUser get() {
        return find().orElseThrow(() -> new IllegalStateException("VARDE-SEC-0001: no signed-in Varde user"));
    }
}
