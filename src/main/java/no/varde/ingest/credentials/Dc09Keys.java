package no.varde.ingest.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import no.varde.shared.crypto.PersonalIdCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * AES keys of DC-09 accounts: write-only for admins, encrypted at rest with the personal-data key like national
 * ids, read back only by the receiver to decrypt frames.
 */
@Repository
public class Dc09Keys {

    private final JdbcClient jdbc;
    private final PersonalIdCipher cipher;
    private final Clock clock;

    Dc09Keys(JdbcClient jdbc, PersonalIdCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * The account's AES key, if one is set. Kept in memory for {@link #CACHE_TTL} (found or not), so the receiver's
     * frames need no database read: under load every frame reading the key took a connection of its own, and the
     * waiting readers starved the reception's commits of connections (found by the DC-09 benchmark). A key set or
     * removed on this node applies at once; on another node within the TTL.
     */
    public Optional<byte[]> find(String account) {
        String normalised = account.strip().toUpperCase(Locale.ROOT);
        long now = System.nanoTime();
        Cached cached = cache.get(normalised);
        if (cached != null && now - cached.readAt() < CACHE_TTL.toNanos()) {
            return Optional.ofNullable(cached.key()).map(byte[]::clone);
        }
        Optional<byte[]> key = jdbc.sql("select key_encrypted from dc09_account_key where account = ?")
                .param(normalised)
                .query((rs, row) -> HexFormat.of().parseHex(cipher.decrypt(rs.getBytes(1))))
                .optional();
        if (cache.size() >= CACHE_MAX) {
            cache.clear(); // unknown accounts sent on purpose must not grow it without bound
        }
        cache.put(normalised, new Cached(key.orElse(null), now));
        return key.map(byte[]::clone);
    }

    /** How long a key (or its absence) read from the database is trusted. */
    public static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(30);

    static final int CACHE_MAX = 100_000;

    private record Cached(byte @org.jspecify.annotations.Nullable [] key, long readAt) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a key is set, its size, and when and by whom: never the key (for the admin page). */
    public record Status(int bits, java.time.Instant setAt, String setBy) {}

    public Optional<Status> status(String account) {
        return jdbc.sql("select key_bits, set_at, set_by from dc09_account_key where account = ?")
                .param(account.strip().toUpperCase(Locale.ROOT))
                .query((rs, row) -> new Status(
                        rs.getInt("key_bits"), rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")))
                .optional();
    }

    /** Sets the key (hex, 32/48/64 digits for AES-128/192/256); refuses anything else. */
    @Transactional
    public void set(String account, String hexKey, String setBy) {
        String hex = hexKey.strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}|[0-9a-f]{48}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the key must be 32, 48 or 64 hex digits (AES-128, -192 or -256)");
        }
        jdbc.sql("""
                insert into dc09_account_key (account, key_encrypted, key_bits, set_at, set_by)
                values (?, ?, ?, ?, ?)
                on conflict (account) do update set key_encrypted = excluded.key_encrypted,
                    key_bits = excluded.key_bits, set_at = excluded.set_at, set_by = excluded.set_by
                """)
                .params(
                        account.strip().toUpperCase(Locale.ROOT),
                        cipher.encrypt(hex),
                        hex.length() * 4,
                        Timestamp.from(clock.instant()),
                        setBy)
                .update();
        cache.remove(account.strip().toUpperCase(Locale.ROOT));
    }

    @Transactional
    public boolean remove(String account) {
        boolean removed = jdbc.sql("delete from dc09_account_key where account = ?")
                        .param(account.strip().toUpperCase(Locale.ROOT))
                        .update()
                > 0;
        cache.remove(account.strip().toUpperCase(Locale.ROOT));
        return removed;
    }
}
