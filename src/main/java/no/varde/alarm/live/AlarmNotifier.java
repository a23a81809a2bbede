package no.varde.alarm.live;

import no.varde.alarm.AlarmId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends a PostgreSQL NOTIFY for every alarm change inside the changing transaction. PostgreSQL delivers it
 * only when that transaction commits, to every node that listens, so a console never shows an uncommitted
 * alarm and every node's console learns of every change.
 */
@Component
public class AlarmNotifier {

    public static final String CHANNEL = "varde_alarm";

    private final JdbcClient jdbc;

    AlarmNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void changed(AlarmId alarm, String what) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANNEL, alarm + " " + what)
                .query((rs, row) -> 1)
                .list();
    }
}
