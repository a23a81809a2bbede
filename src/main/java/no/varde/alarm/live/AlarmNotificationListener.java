package no.varde.alarm.live;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import no.varde.alarm.AlarmChange;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs on PostgreSQL for alarm changes from every node and hands them to this node's {@link AlarmFeed}.
 * Reconnects after a lost connection; while disconnected, consoles fall back to their periodic refresh.
 */
@Component
class AlarmNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlarmNotificationListener.class);

    private final DataSource dataSource;
    private final AlarmFeed feed;
    private volatile boolean running;
    private Thread thread;

    AlarmNotificationListener(DataSource dataSource, AlarmFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("alarm-listen").start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + AlarmNotifier.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        // one notification per transaction: one line per change
                        for (String line : notification.getParameter().split("\n")) {
                            dispatch(line);
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("VARDE-ALARM-0100: lost the PostgreSQL LISTEN connection; reconnecting", e);
                    sleep();
                }
            }
        }
    }

    private void dispatch(String line) {
        try {
            feed.publish(AlarmChange.decode(line));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed alarm notification '{}'", line);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
