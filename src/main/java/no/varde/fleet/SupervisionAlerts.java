package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.dispatch.sms.SmsDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * System administrators are told when supervision itself stops: a stop is one row (any node may notice it, one row
 * per stop whatever the number of nodes and checks), shown as a banner on system administrators' pages while it
 * lasts, and one message to the on-call phone through the dispatch outbox, queued in the same transaction as the
 * row. When passes come again the stop is marked resumed and the banner goes.
 */
@Component
public class SupervisionAlerts {

    private static final Logger log = LoggerFactory.getLogger(SupervisionAlerts.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Oslo"));

    /** One stop of supervision as recorded. */
    public record Stop(
            long id,
            String lease,
            @Nullable Instant lastPassAt,
            Instant noticedAt,
            String noticedBy,
            @Nullable UUID messageId,
            @Nullable Instant resumedAt) {}

    private final JdbcClient jdbc;
    private final SmsDelivery sms;
    private final TransactionTemplate transactions;
    private final ChainProperties properties;

    @Autowired
    SupervisionAlerts(JdbcClient jdbc, SmsDelivery sms, TransactionTemplate transactions, ChainProperties properties) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Supervision under this lease has made no pass since {@code lastPassAt}: records the stop once and queues its
     * message; empty when the stop was already recorded (by this node or another).
     */
    public Optional<Stop> stopped(String lease, @Nullable Instant lastPassAt, Instant now, String node) {
        return Optional.ofNullable(transactions.execute(status -> {
            Long id = jdbc.sql("""
                            insert into fleet_supervision_stop (lease_name, last_pass_at, noticed_at, noticed_by)
                            values (?, ?, ?, ?)
                            on conflict (lease_name) where resumed_at is null do nothing
                            returning id
                            """)
                    .params(lease, lastPassAt == null ? null : Timestamp.from(lastPassAt), Timestamp.from(now), node)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (id == null) {
                return null;
            }
            if (!properties.onCallPhone().isBlank()) {
                UUID message = sms.queue(null, properties.onCallName(), properties.onCallPhone(), text(lastPassAt));
                jdbc.sql("update fleet_supervision_stop set message_id = ? where id = ?")
                        .params(message, id)
                        .update();
            } else {
                log.warn("VARDE-FLEET-0004: supervision stopped and varde.fleet.chain.on-call-phone is empty: nobody"
                        + " is sent a message; the banner shows it to system administrators");
            }
            return find(id).orElseThrow();
        }));
    }

    private static String text(@Nullable Instant lastPassAt) {
        return "Varde: tilsynet med utstyret har stoppet"
                + (lastPassAt == null ? "" : " (siste gjennomgang " + TIME.format(lastPassAt) + ")")
                + ". Enheter som slutter å melde seg, blir ikke oppdaget før det går igjen. VARDE-FLEET-0003";
    }

    /** Passes under this lease run again: the open stop, if any, is over. */
    public boolean resumed(String lease, Instant now) {
        return jdbc.sql("update fleet_supervision_stop set resumed_at = ? where lease_name = ? and resumed_at is null")
                        .params(Timestamp.from(now), lease)
                        .update()
                > 0;
    }

    /** Stops not yet over, for the banner. */
    public List<Stop> open() {
        return jdbc.sql("select * from fleet_supervision_stop where resumed_at is null order by noticed_at")
                .query((rs, row) -> stop(rs))
                .list();
    }

    /** The stops of one lease, newest first. */
    public List<Stop> of(String lease, int limit) {
        return jdbc.sql("select * from fleet_supervision_stop where lease_name = ? order by id desc limit ?")
                .params(lease, limit)
                .query((rs, row) -> stop(rs))
                .list();
    }

    private Optional<Stop> find(long id) {
        return jdbc.sql("select * from fleet_supervision_stop where id = ?")
                .param(id)
                .query((rs, row) -> stop(rs))
                .optional();
    }

    private static Stop stop(ResultSet rs) throws SQLException {
        return new Stop(
                rs.getLong("id"),
                rs.getString("lease_name"),
                instant(rs.getTimestamp("last_pass_at")),
                rs.getTimestamp("noticed_at").toInstant(),
                rs.getString("noticed_by"),
                rs.getObject("message_id", UUID.class),
                instant(rs.getTimestamp("resumed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
