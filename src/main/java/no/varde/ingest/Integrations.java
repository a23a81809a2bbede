package no.varde.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration credentials. A token is {@code <integration id>.<secret>}; the secret is 32 random bytes, shown
 * once, and stored only as its SHA-256 hash (a high-entropy secret needs no slow password hash).
 */
@Service
public class Integrations {

    private static final RowMapper<Integration> MAPPER = (rs, row) -> new Integration(
            new IntegrationId(rs.getObject("id", UUID.class)),
            rs.getString("name"),
            rs.getBoolean("enabled"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"),
            rs.getTimestamp("last_used_at") == null
                    ? null
                    : rs.getTimestamp("last_used_at").toInstant());

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    Integrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Integration> all() {
        return jdbc.sql("select * from integration order by name").query(MAPPER).list();
    }

    /** Creates an integration and returns its token; the token cannot be shown again. */
    @Transactional
    public String create(String name, String createdBy) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "must not be blank");
        }
        if (jdbc.sql("select count(*) from integration where name = ?")
                        .param(name.strip())
                        .query(Long.class)
                        .single()
                > 0) {
            throw InvalidInputException.of("name", "an integration with this name exists");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        IntegrationId id = new IntegrationId(UUID.randomUUID());
        insert(id, name.strip(), secretText, createdBy);
        return id + "." + secretText;
    }

    /** Creates an integration with a known token (the documented demo integration only). */
    @Transactional
    public void createWithToken(IntegrationId id, String name, String secret, String createdBy) {
        insert(id, name, secret, createdBy);
    }

    private void insert(IntegrationId id, String name, String secret, String createdBy) {
        jdbc.sql("insert into integration (id, name, secret_hash, created_by) values (?, ?, ?, ?)")
                .params(id.value(), name, sha256(secret), createdBy)
                .update();
    }

    @Transactional
    public void setEnabled(IntegrationId id, boolean enabled) {
        jdbc.sql("update integration set enabled = ? where id = ?")
                .params(enabled, id.value())
                .update();
        verified.remove(id);
    }

    /**
     * How long a verified token is trusted without asking the database again. Alarms must keep arriving while the
     * database stalls (reception then answers "not now" within its deadline, instead of every sender hanging in
     * authentication); a disabled integration or a replaced token takes effect on other nodes within this time.
     */
    static final java.time.Duration TRUSTED_FOR = java.time.Duration.ofMinutes(2);

    private record Verified(Integration integration, byte[] secretHash, long at) {}

    private final java.util.Map<IntegrationId, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    /** The enabled integration the token belongs to, if the token is right. */
    public Optional<Integration> authenticate(@Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        IntegrationId id;
        try {
            id = IntegrationId.of(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] presented = sha256(token.substring(dot + 1));
        Verified known = verified.get(id);
        if (known != null && System.nanoTime() - known.at() < TRUSTED_FOR.toNanos()) {
            return MessageDigest.isEqual(known.secretHash(), presented)
                    ? Optional.of(known.integration())
                    : Optional.empty();
        }
        Optional<Verified> found = jdbc.sql("select * from integration where id = ? and enabled")
                .param(id.value())
                .query((rs, row) -> new Verified(MAPPER.mapRow(rs, row), rs.getBytes("secret_hash"), System.nanoTime()))
                .optional();
        found.ifPresentOrElse(entry -> verified.put(id, entry), () -> verified.remove(id));
        return found.filter(entry -> MessageDigest.isEqual(entry.secretHash(), presented))
                .map(Verified::integration);
    }

    /** Records that the integration was used (at most once a minute, so busy senders do not rewrite the row). */
    public void touch(IntegrationId id, java.time.Instant at) {
        jdbc.sql("update integration set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(at), id.value(), Timestamp.from(at.minusSeconds(60)))
                .update();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
