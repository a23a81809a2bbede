package no.varde.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class UserAccounts {

    private static final RowMapper<UserAccount> MAPPER = (rs, row) -> new UserAccount(
            rs.getObject("id", UUID.class),
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("password_hash"),
            rs.getString("oidc_subject"),
            Role.valueOf(rs.getString("role")),
            rs.getString("kommunenummer") == null ? null : new Kommunenummer(rs.getString("kommunenummer")),
            rs.getObject("response_centre_id", UUID.class),
            rs.getBoolean("enabled"));

    /** The user_account.username check constraint. */
    private static final java.util.regex.Pattern POSSIBLE_USERNAME =
            java.util.regex.Pattern.compile("[a-z0-9._@-]{2,64}");

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        String lower = username.toLowerCase(java.util.Locale.ROOT);
        if (!POSSIBLE_USERNAME.matcher(lower).matches()) {
            return Optional.empty(); // never an account, and the database cannot take every string (NUL)
        }
        return jdbc.sql("select * from user_account where username = ?")
                .param(lower)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> findByOidcSubject(String subject) {
        return jdbc.sql("select * from user_account where oidc_subject = ?")
                .param(subject)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select * from user_account where id = ?")
                .param(id)
                .query(MAPPER)
                .optional();
    }

    public List<UserAccount> withRoleIn(Role role, Kommunenummer kommunenummer) {
        return jdbc.sql("select * from user_account where role = ? and kommunenummer = ? order by username")
                .params(role.name(), kommunenummer.value())
                .query(MAPPER)
                .list();
    }

    public List<UserAccount> all() {
        return jdbc.sql("select * from user_account order by role, username")
                .query(MAPPER)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }

    @Transactional
    public UserAccount save(UserAccount account) {
        jdbc.sql("""
                insert into user_account (id, username, display_name, password_hash, oidc_subject, role, kommunenummer,
                    response_centre_id, enabled)
                values (:id, :username, :displayName, :passwordHash, :oidcSubject, :role, :kommune, :centre, :enabled)
                on conflict (id) do update set display_name = excluded.display_name,
                    password_hash = excluded.password_hash, oidc_subject = excluded.oidc_subject,
                    role = excluded.role, kommunenummer = excluded.kommunenummer,
                    response_centre_id = excluded.response_centre_id, enabled = excluded.enabled, updated_at = now()
                """)
                .param("id", account.id())
                .param("username", account.username().toLowerCase(java.util.Locale.ROOT))
                .param("displayName", account.displayName())
                .param("passwordHash", account.passwordHash())
                .param("oidcSubject", account.oidcSubject())
                .param("role", account.role().name())
                .param(
                        "kommune",
                        account.kommunenummer() == null
                                ? null
                                : account.kommunenummer().value())
                .param("centre", account.responseCentreId())
                .param("enabled", account.enabled())
                .update();
        return account;
    }
}
