package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease row in PostgreSQL: the node holding it runs supervision, renewing it on every pass; when that node
 * stops renewing, the lease expires and the next node to ask takes it over. The row also records the last pass,
 * so any node can see that supervision itself has stopped.
 */
public class SupervisionLease {

    /** The lease's state as stored. */
    public record State(
            String name,
            String holder,
            Instant acquiredAt,
            Instant expiresAt,
            @Nullable Instant lastPassAt,
            @Nullable String lastPassBy,
            @Nullable Integer lastPassDevices,
            @Nullable Long lastPassMillis) {}

    private final JdbcClient jdbc;
    private final String name;
    private final String node;
    private final Duration ttl;

    public SupervisionLease(JdbcClient jdbc, String name, String node, Duration ttl) {
        this.jdbc = jdbc;
        this.name = name;
        this.node = node;
        this.ttl = ttl;
    }

    public String node() {
        return node;
    }

    public String name() {
        return name;
    }

    /** Takes or renews the lease; false while another node holds an unexpired one. */
    public boolean tryAcquire(Instant now) {
        return jdbc.sql("""
                        insert into fleet_lease (name, holder, acquired_at, expires_at) values (:name, :node, :now, :until)
                        on conflict (name) do update set
                            holder = excluded.holder,
                            expires_at = excluded.expires_at,
                            acquired_at = case when fleet_lease.holder = excluded.holder
                                               then fleet_lease.acquired_at else excluded.acquired_at end
                        where fleet_lease.holder = excluded.holder or fleet_lease.expires_at < excluded.acquired_at
                        returning holder
                        """)
                .param("name", name)
                .param("node", node)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(ttl)))
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** Records a finished pass, if this node still holds the lease. */
    public void recordPass(Instant at, int devices, long millis) {
        jdbc.sql("""
                        update fleet_lease set last_pass_at = :at, last_pass_by = :node, last_pass_devices = :devices,
                            last_pass_ms = :ms
                        where name = :name and holder = :node
                        """)
                .param("at", Timestamp.from(at))
                .param("node", node)
                .param("devices", devices)
                .param("ms", millis)
                .param("name", name)
                .update();
    }

    /** Gives the lease up at once (a node shutting down cleanly), so another takes over without waiting. */
    public void release() {
        jdbc.sql("delete from fleet_lease where name = ? and holder = ?")
                .params(name, node)
                .update();
    }

    public Optional<State> state() {
        return jdbc.sql("select * from fleet_lease where name = ?")
                .param(name)
                .query((rs, row) -> new State(
                        rs.getString("name"),
                        rs.getString("holder"),
                        rs.getTimestamp("acquired_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_pass_at")),
                        rs.getString("last_pass_by"),
                        (Integer) rs.getObject("last_pass_devices"),
                        (Long) rs.getObject("last_pass_ms")))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
