package no.varde.ingest.reception;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.ingest.NulEscaping;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL of received deliveries and events: the deduplication key lives in the database, shared by all nodes. */
@Repository
class ReceptionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReceptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sender's identity of one event. */
    record Identity(EventSource source, String sender, String key) {

        String lockName() {
            return source + "\u0001" + sender + "\u0001" + key;
        }
    }

    /** What an identity became when it was first received. */
    record Seen(@Nullable AlarmId alarm, Instant receivedAt) {}

    /** One event to record under its identity (a new one, or one that takes over a key seen before its window). */
    record Received(Identity identity, Instant at, @Nullable AlarmId alarm, boolean supervision, DeliveryId delivery) {}

    /**
     * Takes a transaction-scoped advisory lock per identity, all in one statement and in the order of the lock
     * values, so two groups (on any node) that share identities wait for each other instead of deadlocking.
     * PostgreSQL evaluates the volatile lock function after the sort.
     */
    void lock(Collection<Identity> identities) {
        jdbc.sql("select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 0) as h"
                        + " from unnest(cast(? as text[])) as k) locks order by h")
                .param(identities.stream().map(Identity::lockName).toArray(String[]::new))
                .query((rs, row) -> 1)
                .list();
    }

    Map<Identity, Seen> seen(List<Identity> identities) {
        Map<Identity, Seen> seen = new HashMap<>();
        jdbc.sql("""
                select e.source, e.sender, e.event_key, e.alarm_id, e.received_at from received_event e
                join unnest(cast(:sources as text[]), cast(:senders as text[]), cast(:keys as text[]))
                    as k(source, sender, event_key)
                  on e.source = k.source and e.sender = k.sender and e.event_key = k.event_key
                """)
                .param(
                        "sources",
                        identities.stream().map(i -> i.source().name()).toArray(String[]::new))
                .param("senders", identities.stream().map(Identity::sender).toArray(String[]::new))
                .param("keys", identities.stream().map(Identity::key).toArray(String[]::new))
                .query((rs, row) -> {
                    UUID alarm = rs.getObject("alarm_id", UUID.class);
                    seen.put(
                            new Identity(
                                    EventSource.valueOf(rs.getString("source")),
                                    rs.getString("sender"),
                                    rs.getString("event_key")),
                            new Seen(
                                    alarm == null ? null : new AlarmId(alarm),
                                    rs.getTimestamp("received_at").toInstant()));
                    return 1;
                })
                .list();
        return seen;
    }

    DeliveryId delivery(Delivery delivery, Instant at) {
        return new DeliveryId(jdbc.sql("insert into received_delivery (source, sender, content_type, received_at, raw)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(
                        delivery.source().name(),
                        delivery.sender(),
                        delivery.contentType(),
                        java.sql.Timestamp.from(at),
                        delivery.raw())
                .query(Long.class)
                .single());
    }

    void record(List<Received> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into received_event (source, sender, event_key, received_at, alarm_id, supervision, delivery_id)
                select * from unnest(cast(:sources as text[]), cast(:senders as text[]), cast(:keys as text[]),
                    cast(cast(:ats as text[]) as timestamptz[]), cast(cast(:alarms as text[]) as uuid[]),
                    cast(cast(:supervision as text[]) as boolean[]), cast(cast(:deliveries as text[]) as bigint[]))
                on conflict (source, sender, event_key) do update set received_at = excluded.received_at,
                    alarm_id = excluded.alarm_id, supervision = excluded.supervision,
                    delivery_id = excluded.delivery_id
                """)
                .param(
                        "sources",
                        events.stream().map(e -> e.identity().source().name()).toArray(String[]::new))
                .param(
                        "senders",
                        events.stream().map(e -> e.identity().sender()).toArray(String[]::new))
                .param("keys", events.stream().map(e -> e.identity().key()).toArray(String[]::new))
                .param("ats", events.stream().map(e -> e.at().toString()).toArray(String[]::new))
                .param(
                        "alarms",
                        events.stream()
                                .map(e -> e.alarm() == null ? null : e.alarm().toString())
                                .toArray(String[]::new))
                .param(
                        "supervision",
                        events.stream()
                                .map(e -> String.valueOf(e.supervision()))
                                .toArray(String[]::new))
                .param(
                        "deliveries",
                        events.stream().map(e -> e.delivery().toString()).toArray(String[]::new))
                .update();
    }

    RejectedDeliveryId reject(RejectedDelivery rejected) {
        return new RejectedDeliveryId(
                jdbc.sql("insert into rejected_input (source, sender, content_type, body, problems)"
                                + " values (?, ?, ?, ?, cast(? as jsonb)) returning id")
                        .params(
                                rejected.source().name(),
                                rejected.sender() == null ? null : NulEscaping.escape(rejected.sender()),
                                rejected.contentType() == null ? null : NulEscaping.escape(rejected.contentType()),
                                rejected.raw(),
                                JSON.writeValueAsString(NulEscaping.escape(rejected.problems())))
                        .query(Long.class)
                        .single());
    }
}
