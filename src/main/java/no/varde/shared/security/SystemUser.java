package no.varde.shared.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person started (the demo loader, scheduled jobs) as a named system actor, so that the audit
 * trail and timelines always say who acted.
 */
public final class SystemUser {

    private SystemUser() {}

    public static void runAs(String name, Runnable work) {
        runAs(name, Role.SYSTEM_ADMIN, work);
    }

    /**
     * Runs work for a named actor acting in a role, so the audit trail records the purpose the access serves
     * (a home-care worker's call-out link reads as home care, not as platform administration). The role only
     * labels the access: callers pass their scope explicitly.
     */
    public static void runAs(String name, Role role, Runnable work) {
        VardeUser system = new VardeUser(
                UUID.nameUUIDFromBytes(("system-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "system:" + name,
                "System (" + name + ")",
                role,
                null,
                null);
        VardePrincipal principal = () -> system;
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
