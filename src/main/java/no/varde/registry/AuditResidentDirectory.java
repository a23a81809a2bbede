package no.varde.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.audit.AuditResidents;
import no.varde.shared.ResidentId;
import no.varde.shared.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registry's answer to what the audit trail asks: names for its resident ids and the residents a search
 * stands for, in the signed-in user's need-to-know scope. Names go through {@link ResidentNames} (audited by the
 * audit rule); a national id is looked up by its blind index ({@link Residents#findIdByNationalId}).
 */
@Service
class AuditResidentDirectory implements AuditResidents {

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final ResidentNames names;
    private final Residents residents;

    AuditResidentDirectory(JdbcClient jdbc, AccessScopes scopes, ResidentNames names, Residents residents) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.names = names;
        this.residents = residents;
    }

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> ids, String purpose) {
        Map<UUID, String> byId = new HashMap<>();
        names.namesOf(scopes.current(), ids.stream().map(ResidentId::new).toList(), purpose)
                .forEach((id, name) -> byId.put(id.value(), name));
        return byId;
    }

    @Override
    public List<UUID> find(String text, int limit, String field) {
        AccessScope scope = scopes.current();
        String query = text.strip();
        if (scope.isEmpty() || query.isEmpty()) {
            return List.of();
        }
        if (AuditResidents.looksLikeNationalId(query)) {
            String digits = query.replace(" ", "");
            if (!NationalId.isValid(digits)) {
                throw InvalidInputException.of(field, "11 digits that are not a valid national id (check digits)");
            }
            return residents
                    .findIdByNationalId(scope, digits)
                    .map(id -> List.of(id.value()))
                    .orElse(List.of());
        }
        return jdbc.sql("select id from resident where (given_name || ' ' || family_name) ilike :pattern escape '\\'"
                        + " and" + NeedToKnow.within("kommunenummer")
                        + " order by family_name, given_name, id limit :limit")
                .param("pattern", "%" + likeEscaped(query.replaceAll("\\s+", " ")) + "%")
                .param("limit", limit + 1)
                .params(NeedToKnow.params(scope))
                .query(UUID.class)
                .list();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
