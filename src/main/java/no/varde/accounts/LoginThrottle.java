package no.varde.accounts;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts failed password sign-ins per username and per remote address and locks either for a while when there
 * are too many. The counts and locks live in PostgreSQL, so every node sees the same lock. Unknown usernames are
 * counted and locked like real ones: the answer never tells whether an account exists.
 */
@Service
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Failures are kept this long at least (for the logs' sake the database needs no more). */
    private static final Duration RETENTION = Duration.ofDays(1);

    enum Kind {
        ACCOUNT,
        ADDRESS
    }

    /** A lock in force: what is locked and until when. */
    record Lock(Kind kind, Instant until) {}

    private final JdbcClient jdbc;
    private final SecurityProperties.Login settings;
    private final MeterRegistry meters;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.login();
        this.meters = meters;
        this.clock = clock;
    }

    /** The lock that refuses this sign-in before its password is even checked, if any. */
    Optional<Lock> lockOf(String username, String address) {
        return jdbc.sql("""
                select kind, locked_until from login_lock
                where (kind = 'ACCOUNT' and key = :username or kind = 'ADDRESS' and key = :address)
                  and locked_until > :now
                order by locked_until desc limit 1
                """)
                .param("username", normalised(username))
                .param("address", normalised(address))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Lock(
                        Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("locked_until").toInstant()))
                .optional();
    }

    /** A sign-in refused by a lock: logged and counted, but not a new failure (the lock is not prolonged). */
    void refusedWhileLocked(String username, String address, Lock lock) {
        meters.counter("varde.login.failures", "reason", "locked").increment();
        log.warn(
                "VARDE-ACCT-0041: sign-in as '{}' from {} refused: {} locked until {}",
                printable(username),
                printable(address),
                lock.kind().name().toLowerCase(Locale.ROOT),
                lock.until());
    }

    /** Records a failed sign-in (never the password); returns the lock it caused, if it was one too many. */
    Optional<Lock> failed(String username, String address, String reason) {
        Instant now = clock.instant();
        String user = normalised(username);
        String from = normalised(address);
        meters.counter("varde.login.failures", "reason", reason).increment();
        log.warn(
                "VARDE-ACCT-0042: failed sign-in as '{}' from {} ({})",
                printable(username),
                printable(address),
                reason);
        jdbc.sql("insert into login_failure (occurred_at, username, remote_address) values (?, ?, ?)")
                .params(Timestamp.from(now), user, from)
                .update();
        jdbc.sql("delete from login_failure where occurred_at < ?")
                .param(Timestamp.from(
                        now.minus(RETENTION.compareTo(settings.window()) > 0 ? RETENTION : settings.window())))
                .update();
        Optional<Lock> accountLock = lockIfTooMany(Kind.ACCOUNT, user, settings.accountFailures(), now);
        Optional<Lock> addressLock = lockIfTooMany(Kind.ADDRESS, from, settings.addressFailures(), now);
        return accountLock.or(() -> addressLock);
    }

    /** A correct password: the account's count starts afresh (the address's does not, or one account would reset it). */
    void succeeded(String username) {
        jdbc.sql("""
                insert into login_lock (kind, key, locked_until, count_since) values ('ACCOUNT', :key, null, :now)
                on conflict (kind, key) do update set count_since = greatest(login_lock.count_since, excluded.count_since)
                """)
                .param("key", normalised(username))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Optional<Lock> lockIfTooMany(Kind kind, String key, int limit, Instant now) {
        String column = kind == Kind.ACCOUNT ? "username" : "remote_address";
        long failures = jdbc.sql("select count(*) from login_failure f where f." + column + " = :key"
                        + " and f.occurred_at > :windowStart and f.occurred_at >= coalesce("
                        + "(select count_since from login_lock where kind = :kind and key = :key), '-infinity')")
                .param("key", key)
                .param("kind", kind.name())
                .param("windowStart", Timestamp.from(now.minus(settings.window())))
                .query(Long.class)
                .single();
        if (failures < limit) {
            return Optional.empty();
        }
        Instant until = now.plus(settings.lockDuration());
        jdbc.sql("""
                insert into login_lock (kind, key, locked_until, count_since) values (:kind, :key, :until, :until)
                on conflict (kind, key) do update set locked_until = excluded.locked_until,
                    count_since = excluded.count_since
                """)
                .param("kind", kind.name())
                .param("key", key)
                .param("until", Timestamp.from(until))
                .update();
        meters.counter("varde.login.lockouts", "kind", kind.name().toLowerCase(Locale.ROOT))
                .increment();
        log.warn(
                "VARDE-ACCT-0043: {} '{}' locked until {} after {} failed sign-ins within {}",
                kind.name().toLowerCase(Locale.ROOT),
                printable(key),
                until,
                failures,
                settings.window());
        return Optional.of(new Lock(kind, until));
    }

    /** Usernames are case-insensitive; the key is bounded and storable whatever an attacker sends. */
    static String normalised(String value) {
        String cleaned = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 128 ? cleaned.substring(0, 128) : cleaned;
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 128 ? cleaned.substring(0, 128) + "…" : cleaned;
    }
}
