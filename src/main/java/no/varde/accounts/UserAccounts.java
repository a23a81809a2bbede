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
            rs.getBoolean("enabled"),
            further(rs.getArray("further_kommuner")));

    /** Every account column, and the further municipalities a technician is bound to. */
    private static final String SELECT = "select ua.*, array(select m.kommunenummer from user_account_municipality m"
            + " where m.account_id = ua.id order by 1) as further_kommuner from user_account ua ";

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
        return jdbc.sql(SELECT + "where ua.username = ?")
                .param(lower)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> findByOidcSubject(String subject) {
        return jdbc.sql(SELECT + "where ua.oidc_subject = ?")
                .param(subject)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql(SELECT + "where ua.id = ?").param(id).query(MAPPER).optional();
    }

    public List<UserAccount> withRoleIn(Role role, Kommunenummer kommunenummer) {
        return jdbc.sql(SELECT + "where ua.role = ? and ua.kommunenummer = ? order by ua.username")
                .params(role.name(), kommunenummer.value())
                .query(MAPPER)
                .list();
    }

    public List<UserAccount> all() {
        return jdbc.sql(SELECT + "order by ua.role, ua.username").query(MAPPER).list();
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
        jdbc.sql("delete from user_account_municipality where account_id = ?")
                .param(account.id())
                .update();
        if (account.role() == Role.TECHNICIAN) {
            account.kommuner().stream()
                    .filter(k -> !k.equals(account.kommunenummer()))
                    .forEach(k -> jdbc.sql(
                                    "insert into user_account_municipality (account_id, kommunenummer) values (?, ?)")
                            .params(account.id(), k.value())
                            .update());
        }
        return account;
    }

    /** Sets the mobile number escalations are sent to (null: none). */
    @Transactional
    public void setPhone(UUID id, @org.jspecify.annotations.Nullable String phone) {
        jdbc.sql("update user_account set phone = ?, updated_at = now() where id = ?")
                .params(phone, id)
                .update();
    }

    public java.util.Optional<String> phone(UUID id) {
        return jdbc.sql("select phone from user_account where id = ? and phone is not null")
                .param(id)
                .query(String.class)
                .optional();
    }

    private static java.util.Set<Kommunenummer> further(java.sql.Array array) throws java.sql.SQLException {
        java.util.Set<Kommunenummer> kommuner = new java.util.TreeSet<>();
        for (Object value : (Object[]) array.getArray()) {
            kommuner.add(new Kommunenummer(value.toString()));
        }
        return kommuner;
    }
}
