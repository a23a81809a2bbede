package no.varde.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import no.varde.shared.security.StaffDirectory;
import no.varde.shared.security.VardeUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link StaffDirectory} from the accounts table. */
@Component
class AccountStaffDirectory implements StaffDirectory {

    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    AccountStaffDirectory(UserAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VardeUser> find(String username) {
        return accounts.findByUsername(username).filter(UserAccount::enabled).map(UserAccount::toVardeUser);
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        List<String> wanted = usernames.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select username, display_name from user_account where username in (:names)")
                .param("names", wanted)
                .query((rs, row) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public List<VardeUser> alarmHandlers(UUID responseCentreId) {
        return jdbc
                .sql("select username from user_account where response_centre_id = ? and enabled"
                        + " and role in ('OPERATOR', 'SUPERVISOR') order by display_name")
                .param(responseCentreId)
                .query(String.class)
                .list()
                .stream()
                .flatMap(name -> find(name).stream())
                .toList();
    }

    @Override
    public List<Contact> municipalAdmins(no.varde.shared.Kommunenummer kommunenummer) {
        return jdbc.sql("select username, display_name, phone from user_account where enabled"
                        + " and role = 'MUNICIPAL_ADMIN' and kommunenummer = ? order by display_name, username")
                .param(kommunenummer.value())
                .query((rs, row) ->
                        new Contact(rs.getString("username"), rs.getString("display_name"), rs.getString("phone")))
                .list();
    }

    @Override
    public List<VardeUser> technicians(no.varde.shared.Kommunenummer kommunenummer) {
        return jdbc
                .sql("select username from user_account ua where enabled and role = 'TECHNICIAN'"
                        + " and (kommunenummer = :k or exists (select 1 from user_account_municipality m"
                        + " where m.account_id = ua.id and m.kommunenummer = :k)) order by display_name, username")
                .param("k", kommunenummer.value())
                .query(String.class)
                .list()
                .stream()
                .flatMap(name -> find(name).stream())
                .toList();
    }
}
