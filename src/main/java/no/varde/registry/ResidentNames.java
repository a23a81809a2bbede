package no.varde.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names of several residents at once, for lists such as the alarm queue. Filtered by the caller's scope in SQL
 * and audited as a search (a list of names reveals who has welfare technology).
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
        jdbc.sql("select id, given_name, family_name from resident where id = any(:ids)"
                        + " and (:everything or kommunenummer = any(:kommuner))")
                .param("ids", ids.stream().map(ResidentId::value).distinct().toArray(UUID[]::new))
                .param("everything", scope.everything())
                .param("kommuner", scope.sqlArray())
                .query((rs, row) -> Map.entry(
                        new ResidentId(rs.getObject("id", UUID.class)),
                        rs.getString("given_name") + " " + rs.getString("family_name")))
                .list()
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        audit.general(AuditAction.SEARCH, null, purpose + ": " + names.size() + " resident names");
        return names;
    }
}
