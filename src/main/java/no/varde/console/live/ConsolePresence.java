package no.varde.console.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators on duty: those with a live console stream on any node. Each node owns its rows (node id is random
 * per process) and refreshes them with the database clock, so nodes with skewed clocks still agree.
 */
@Repository
public class ConsolePresence {

    /** A row not refreshed for this long is stale (a node died without saying goodbye). */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final String nodeId = UUID.randomUUID().toString();

    ConsolePresence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks these users as present on this node now, and everyone else on this node as gone. */
    @Transactional
    public void refresh(Collection<OnDuty> connected) {
        for (OnDuty user : connected) {
            jdbc.sql("""
                    insert into console_presence (node_id, username, display_name) values (?, ?, ?)
                    on conflict (node_id, username) do update set last_seen = now(), display_name = excluded.display_name
                    """).params(nodeId, user.username(), user.displayName()).update();
        }
        jdbc.sql("delete from console_presence where node_id = ? and not (username = any(?))")
                .params(nodeId, connected.stream().map(OnDuty::username).toArray(String[]::new))
                .update();
        jdbc.sql("delete from console_presence where last_seen < now() - make_interval(secs => ?)")
                .param((double) STALE_AFTER.multipliedBy(10).toSeconds())
                .update();
    }

    /** Operators with a console open on any node, longest connected first. */
    public List<OnDutyOperator> onDuty() {
        return jdbc.sql("""
                select username, min(display_name) as display_name, min(connected_since) as since
                from console_presence where last_seen >= now() - make_interval(secs => ?)
                group by username order by since
                """)
                .param((double) STALE_AFTER.toSeconds())
                .query((rs, row) -> new OnDutyOperator(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getTimestamp("since").toInstant()))
                .list();
    }

    public record OnDuty(String username, String displayName) {}

    public record OnDutyOperator(String username, String displayName, Instant since) {}
}
