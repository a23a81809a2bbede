package no.varde.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.varde.audit.AuditLog;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names of several residents at once, for lists such as the alarm queue and its live rows. Filtered by the
 * caller's scope in SQL and audited by the audit rule: one READ per (user, resident, 10 minutes) for every
 * resident whose name is sent.
 */
@Service
public class ResidentNames {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ResidentNames(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The full names of those of {@code ids} the scope allows; the others are left out. */
    @Transactional
    public Map<ResidentId, String> namesOf(AccessScope scope, Collection<ResidentId> ids, String purpose) {
        if (ids.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<ResidentId, String> names = new HashMap<>();
        Map<UUID, Kommunenummer> shown = new HashMap<>();
        jdbc.sql("select id, kommunenummer, given_name, family_name from resident where id = any(:ids)" + " and"
                        + NeedToKnow.within("kommunenummer"))
                .param("ids", ids.stream().map(ResidentId::value).distinct().toArray(UUID[]::new))
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    names.put(new ResidentId(id), rs.getString("given_name") + " " + rs.getString("family_name"));
                    shown.put(id, new Kommunenummer(rs.getString("kommunenummer")));
                    return id;
                })
                .list();
        audit.residentsShown(shown, purpose + ": resident name");
        return names;
    }
}
