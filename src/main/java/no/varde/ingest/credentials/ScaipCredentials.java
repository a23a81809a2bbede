package no.varde.ingest.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SIP digest credentials per SCAIP controller, kept as the HA1 only; the password is never stored or shown. */
@Repository
public class ScaipCredentials {

    /** What the receiver needs to check a digest response. */
    public record Credential(String controllerId, String username, String realm, String ha1) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ScaipCredentials(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The controller's digest credentials, if set. Kept in memory for {@link Dc09Keys#CACHE_TTL} (found or not), so
     * a MESSAGE needs no database read before its commit (the DC-09 benchmark showed per-message reads on virtual
     * threads starving the reception's commits of connections). Set or removed on this node applies at once; on
     * another node within the TTL.
     */
    public Optional<Credential> find(String controllerId) {
        long now = System.nanoTime();
        Cached cached = cache.get(controllerId);
        if (cached != null && now - cached.readAt() < Dc09Keys.CACHE_TTL.toNanos()) {
            return Optional.ofNullable(cached.credential());
        }
        Optional<Credential> credential = jdbc.sql(
                        "select controller_id, username, realm, ha1 from scaip_credential where controller_id = ?")
                .param(controllerId)
                .query((rs, row) -> new Credential(
                        rs.getString("controller_id"),
                        rs.getString("username"),
                        rs.getString("realm"),
                        rs.getString("ha1")))
                .optional();
        if (cache.size() >= Dc09Keys.CACHE_MAX) {
            cache.clear();
        }
        cache.put(controllerId, new Cached(credential.orElse(null), now));
        return credential;
    }

    private record Cached(@org.jspecify.annotations.Nullable Credential credential, long readAt) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether credentials are set, and when and by whom: never the HA1 (for the admin page). */
    public record Status(String username, String realm, java.time.Instant setAt, String setBy) {}

    public Optional<Status> status(String controllerId) {
        return jdbc.sql("select username, realm, set_at, set_by from scaip_credential where controller_id = ?")
                .param(controllerId)
                .query((rs, row) -> new Status(
                        rs.getString("username"),
                        rs.getString("realm"),
                        rs.getTimestamp("set_at").toInstant(),
                        rs.getString("set_by")))
                .optional();
    }

    @Transactional
    public void set(String controllerId, String username, String realm, String password, String setBy) {
        jdbc.sql("""
                insert into scaip_credential (controller_id, username, realm, ha1, set_at, set_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (controller_id) do update set username = excluded.username, realm = excluded.realm,
                    ha1 = excluded.ha1, set_at = excluded.set_at, set_by = excluded.set_by
                """)
                .params(
                        controllerId,
                        username,
                        realm,
                        md5(username + ":" + realm + ":" + password),
                        Timestamp.from(clock.instant()),
                        setBy)
                .update();
        cache.remove(controllerId);
    }

    @Transactional
    public boolean remove(String controllerId) {
        boolean removed = jdbc.sql("delete from scaip_credential where controller_id = ?")
                        .param(controllerId)
                        .update()
                > 0;
        cache.remove(controllerId);
        return removed;
    }

    public static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
