package no.varde.alarm;

import java.util.List;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.NeedToKnow;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A resident's recent alarms, for the resident card in the console. Scoped like every alarm read. */
@Service
public class AlarmHistory {

    private final JdbcClient jdbc;
    private final AccessScopes scopes;

    AlarmHistory(JdbcClient jdbc, AccessScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** The resident's latest alarms, newest first (without timelines). */
    public List<Alarm> recentOfResident(VardeUser user, ResidentId resident, int limit) {
        AccessScope scope = scopes.forUser(user);
        return jdbc.sql("select a.* from alarm a where a.resident_id = :resident and a.category <> 'INFO'"
                        + " and" + NeedToKnow.within("a.kommunenummer")
                        + " order by a.received_at desc limit :limit")
                .param("resident", resident.value())
                .params(NeedToKnow.params(scope))
                .param("limit", limit)
                .query((rs, row) -> AlarmRepository.alarm(rs, List.of()))
                .list();
    }
}
