package no.varde.alarm.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.varde.alarm.AlarmChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Relays alarm changes to every node through PostgreSQL NOTIFY. Changes made in a transaction are collected and
 * sent as one NOTIFY just before it commits (a group of received events is one notification); PostgreSQL delivers
 * it only when that transaction commits, to every node that listens, so a console never shows an uncommitted
 * alarm and every node's console learns of every change.
 */
@Component
public class AlarmNotifier {

    public static final String CHANNEL = "varde_alarm";

    /** PostgreSQL refuses payloads of 8000 bytes or more; larger groups are split. */
    static final int MAX_PAYLOAD_BYTES = 7_000;

    private final JdbcClient jdbc;

    AlarmNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void changed(AlarmChange change) {
        String line = change.encode();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(line));
            return;
        }
        pending().add(line);
    }

    @SuppressWarnings("unchecked")
    private List<String> pending() {
        Object existing = TransactionSynchronizationManager.getResource(this);
        if (existing != null) {
            return (List<String>) existing;
        }
        List<String> lines = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, lines);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                send(lines);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AlarmNotifier.this);
            }
        });
        return lines;
    }

    private void send(List<String> lines) {
        StringBuilder payload = new StringBuilder();
        int size = 0;
        for (String line : lines) {
            int length = line.getBytes(StandardCharsets.UTF_8).length;
            if (size > 0 && size + 1 + length > MAX_PAYLOAD_BYTES) {
                publish(payload.toString());
                payload.setLength(0);
                size = 0;
            }
            if (size > 0) {
                payload.append('\n');
                size++;
            }
            payload.append(line);
            size += length;
        }
        if (size > 0) {
            publish(payload.toString());
        }
    }

    private void publish(String payload) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANNEL, payload)
                .query((rs, row) -> 1)
                .list();
    }
}
