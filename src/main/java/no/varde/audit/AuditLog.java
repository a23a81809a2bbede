package no.varde.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records access to personal data. Call it in the same transaction as the read or write it documents:
 * when the audit line cannot be written, the access fails too.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the signed-in user did {@code action} on one resident's data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resident(AuditAction action, UUID residentId, Kommunenummer kommunenummer, String what) {
        write(action, residentId, kommunenummer.value(), what);
    }

    /**
     * Records a refused attempt on one resident's data in a transaction of its own, so the line stays when the
     * attempt's transaction rolls back. Filed under the resident's municipality: its admin and the system admins
     * see it, the user who was refused does not learn where the resident lives.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(UUID residentId, Kommunenummer kommunenummer, String what) {
        write(AuditAction.REFUSED, residentId, kommunenummer.value(), what);
    }

    /**
     * Records an access that concerns many residents or none in particular (search, import, export). Without a
     * municipality, the line is filed under the user's own municipality so that municipality's admin sees it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void general(AuditAction action, @Nullable Kommunenummer kommunenummer, String what) {
        Kommunenummer concerned =
                kommunenummer != null ? kommunenummer : CurrentUser.get().kommunenummer();
        write(action, null, concerned == null ? null : concerned.value(), what);
    }

    /** How long one READ entry covers the same user seeing the same resident again in a list or live row. */
    public static final java.time.Duration SHOWN_WINDOW = java.time.Duration.ofMinutes(10);

    /**
     * The audit rule for every list, queue, live row and poll: when rows carrying residents' personal data are
     * sent to the signed-in user, one READ entry per (user, resident) is written, unless that user already has
     * one for that resident within the last {@link #SHOWN_WINDOW}. One statement, however many rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void residentsShown(java.util.Map<UUID, Kommunenummer> residents, String what) {
        if (residents.isEmpty()) {
            return;
        }
        VardeUser user = CurrentUser.get();
        HttpServletRequest request = currentRequest();
        List<UUID> ids = List.copyOf(residents.keySet());
        jdbc.sql("""
                insert into audit_event (username, role, action, resident_id, kommunenummer, what, channel, purpose, client_address)
                select :username, :role, 'READ', r.id, r.kommune, :what, :channel, :purpose, :client
                from unnest(cast(:ids as uuid[]), cast(:kommunenumre as text[])) as r(id, kommune)
                where not exists (select 1 from audit_event e where e.resident_id = r.id and e.username = :username
                                  and e.action = 'READ' and e.occurred_at > now() - cast(:window as interval))
                """)
                .param("username", user.username())
                .param("role", user.role().name())
                .param("what", what)
                .param("channel", channel(request))
                .param("purpose", purposeOf(user.role()))
                .param("client", request == null ? null : request.getRemoteAddr())
                .param("ids", ids.toArray(UUID[]::new))
                .param(
                        "kommunenumre",
                        ids.stream().map(id -> residents.get(id).value()).toArray(String[]::new))
                .param("window", SHOWN_WINDOW.toSeconds() + " seconds")
                .update();
    }

    private void write(AuditAction action, @Nullable UUID residentId, @Nullable String kommunenummer, String what) {
        VardeUser user = CurrentUser.get();
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                insert into audit_event (username, role, action, resident_id, kommunenummer, what, channel, purpose, client_address)
                values (:username, :role, :action, :residentId, :kommunenummer, :what, :channel, :purpose, :client)
                """)
                .param("username", user.username())
                .param("role", user.role().name())
                .param("action", action.name())
                .param("residentId", residentId)
                .param("kommunenummer", kommunenummer)
                .param("what", what)
                .param("channel", channel(request))
                .param("purpose", purposeOf(user.role()))
                .param("client", request == null ? null : request.getRemoteAddr())
                .update();
    }

    private static String channel(@Nullable HttpServletRequest request) {
        if (request == null) {
            return "system";
        }
        String kind = request.getRequestURI().startsWith("/api/") ? "API" : "page";
        return kind + " " + request.getMethod() + " " + request.getRequestURI();
    }

    /** The "why" of Normen: the service purpose the role's access serves. */
    static String purposeOf(Role role) {
        return switch (role) {
            case OPERATOR -> "response-centre alarm handling";
            case SUPERVISOR -> "response-centre supervision";
            case HOME_CARE -> "home-care service delivery";
            case MUNICIPAL_ADMIN -> "municipal service administration";
            case REGION_ANALYST -> "regional analysis";
            case SYSTEM_ADMIN -> "platform administration";
            case TECHNICIAN -> "technical maintenance of welfare technology";
        };
    }

    private static @Nullable HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        return null;
    }
}
