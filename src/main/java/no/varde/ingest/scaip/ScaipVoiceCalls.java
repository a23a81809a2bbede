package no.varde.ingest.scaip;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.RejectedDelivery;
import no.varde.ingest.reception.RejectedDeliveryId;
import no.varde.shared.EventSource;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Voice calls (INVITE) Varde refused: noted on the device's alarm so the operator knows the device tried to open
 * voice and used its own voice fallback. The alarm is the device's latest open alarm received within
 * {@code voice-note-window}; when there is none, the INVITE is kept as raw input with the reason.
 */
@Component
class ScaipVoiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ScaipVoiceCalls.class);

    static final String ACTOR = "system:scaip";

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final Reception reception;
    private final ScaipProperties properties;
    private final Clock clock;

    ScaipVoiceCalls(JdbcClient jdbc, Alarms alarms, Reception reception, ScaipProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.reception = reception;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of the refused call: the alarm it was noted on, or the rejected input that keeps it. */
    sealed interface Noted {
        record OnAlarm(AlarmId alarm) implements Noted {}

        record KeptRaw(RejectedDeliveryId rejectedInput) implements Noted {}
    }

    /**
     * Notes a refused INVITE from {@code controller} (the SCAIP cid in the From user; null when the From has
     * none) with the SIP status it was refused with.
     */
    Noted refused(@Nullable String controller, String from, int status, byte[] rawInvite) {
        Instant now = clock.instant();
        if (controller != null) {
            Optional<AlarmId> alarm = latestOpenAlarm(controller, now);
            if (alarm.isPresent()) {
                AlarmId id = alarm.get();
                String text = "Enheten forsøkte en taleoppringning (SIP INVITE); Varde avviste den med " + status
                        + ", og enheten bruker sin egen talevei. Ring tilbake på tilbakeringingsveien.";
                if (alarms.recordDeviceNote(
                        id,
                        ACTOR,
                        text,
                        Map.of(
                                "voiceCall",
                                "refused",
                                "sipStatus",
                                status,
                                "sipFrom",
                                from,
                                "controller",
                                controller))) {
                    log.info("VARDE-SCAIP-0017: the refused voice call of {} is noted on alarm {}", controller, id);
                    return new Noted.OnAlarm(id);
                }
            }
        }
        RejectedDeliveryId id = reception.reject(new RejectedDelivery(
                EventSource.SCAIP,
                from,
                "message/sip",
                rawInvite,
                List.of(new FieldProblem(
                        "INVITE",
                        "voice call refused with " + status + " (voice goes around Varde); no open alarm of "
                                + (controller == null ? "an unknown device" : "controller " + controller)
                                + " received within " + properties.voiceNoteWindow()))));
        log.info(
                "VARDE-SCAIP-0018: the refused voice call from {} had no open alarm; kept as rejected input {}",
                from,
                id);
        return new Noted.KeptRaw(id);
    }

    private Optional<AlarmId> latestOpenAlarm(String controller, Instant now) {
        return jdbc.sql("""
                        select a.id from received_event r join alarm a on a.id = r.alarm_id
                        where r.source = 'SCAIP' and r.sender = :sender and a.state <> 'CLOSED'
                          and r.received_at >= :since
                        order by r.received_at desc limit 1""")
                .param("sender", controller)
                .param("since", java.sql.Timestamp.from(now.minus(properties.voiceNoteWindow())))
                .query(UUID.class)
                .optional()
                .map(AlarmId::new);
    }

    static byte[] raw(Object request) {
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }
}
