package no.varde.ingest.dc09;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import no.varde.alarm.DeviceEvent;
import no.varde.ingest.credentials.Dc09Keys;
import no.varde.ingest.credentials.DeviceAlerts;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.ReceivedEvent;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.RejectedDelivery;
import no.varde.ingest.reception.RejectedDeliveryId;
import no.varde.registry.DeviceIdentity;
import no.varde.registry.Devices;
import no.varde.shared.EventSource;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the DC-09 receiver does with one frame, whatever transport carried it: the answer to send (ACK / *ACK,
 * NAK with a timestamp, DUH), or none (bad CRC or length, unreadable header, reception unavailable). ACK only after
 * the commit; a repeated sequence is acknowledged and not processed twice.
 */
@Component
class Dc09Processor {

    private static final Logger log = LoggerFactory.getLogger(Dc09Processor.class);
    private static final CompletableFuture<Optional<byte[]>> NO_ANSWER =
            CompletableFuture.completedFuture(Optional.empty());

    /** Link supervision and test reports: they record last-heard and never become an alarm. */
    private static final java.util.Set<String> SUPERVISION = java.util.Set.of("NULL", "E601", "E602", "RP", "RX");

    private final Dc09Properties properties;
    private final Reception reception;
    private final Dc09Keys keys;
    private final Devices devices;
    private final DeviceAlerts alerts;
    private final Clock clock;

    Dc09Processor(
            Dc09Properties properties,
            Reception reception,
            Dc09Keys keys,
            Devices devices,
            DeviceAlerts alerts,
            Clock clock) {
        this.properties = properties;
        this.reception = reception;
        this.keys = keys;
        this.devices = devices;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Handles the bytes between LF and CR; never throws. Blocking database reads happen on the caller's thread. */
    CompletableFuture<Optional<byte[]>> handle(byte[] bytes, String peer) {
        try {
            return process(bytes, peer);
        } catch (RuntimeException e) {
            log.error("VARDE-DC09-0001: a DC-09 frame from {} failed; no answer, so the transmitter retries", peer, e);
            return NO_ANSWER;
        }
    }

    private CompletableFuture<Optional<byte[]>> process(byte[] bytes, String peer) {
        Dc09Frame.Parsed parsed = Dc09Frame.parse(bytes);
        Dc09Frame frame = parsed.frame();
        if (frame == null) {
            log.warn("VARDE-DC09-0002: unreadable DC-09 frame from {} ({}); no answer", peer, parsed.defect());
            if (parsed.defect() == Dc09Frame.Defect.BAD_HEADER) {
                reject(null, bytes, "frame", "the header is not \"id\"seq[Rrcvr][Lpref]#acct[");
            }
            return NO_ANSWER;
        }
        Instant now = clock.instant();
        byte[] key = null;
        String readable = frame.rest();
        if (frame.encrypted()) {
            key = keys.find(frame.account()).orElse(null);
            if (key == null) {
                return undecryptable(frame, bytes, "no AES key is set for account " + frame.account());
            }
            try {
                String plain = Dc09Aes.decrypt(key, frame.rest());
                int bar = plain.indexOf('|');
                if (bar < 0) {
                    return undecryptable(frame, bytes, "the decrypted text has no '|' after the padding (wrong key?)");
                }
                readable = plain.substring(bar + 1);
            } catch (GeneralSecurityException e) {
                return undecryptable(frame, bytes, "the frame does not decrypt: " + e.getMessage());
            }
        }
        Dc09Payload payload = Dc09Payload.parse(readable);
        if (frame.encrypted() && (payload == null || payload.timestamp() == null)) {
            // A wrong key turns the text into random bytes, which sometimes hold a '|': still a decryption failure,
            // and the panel's owner must hear of it (found as a flaky test: the outcome depended on the padding).
            return undecryptable(frame, bytes, "the decrypted text is not a DC-09 data block (wrong key?)");
        }
        if (payload == null) {
            return duh(frame, bytes, "data", "the data block is not data]…[x-data]…_HH:MM:SS,MM-DD-YYYY");
        }
        if (payload.timestamp() != null
                && (payload.timestamp().isBefore(now.minus(properties.acceptPast()))
                        || payload.timestamp().isAfter(now.plus(properties.acceptFuture())))) {
            log.info(
                    "VARDE-DC09-0003: frame {} of account {} has timestamp {} outside the window; NAK with Varde's time",
                    frame.sequence(),
                    frame.account(),
                    payload.timestamp());
            return answer(Dc09Frame.wrap("\"NAK\"0000R0L0A0[]" + Dc09Payload.timestamp(now)));
        }
        Dc09Event event = switch (frame.id()) {
            case "NULL" -> new Dc09Event("NULL", null, null, "DC-09 NULL (linjeovervåking)");
            case "SIA-DCS" -> Dc09Event.sia(payload.data());
            case "ADM-CID" -> Dc09Event.contactId(payload.data());
            default -> null;
        };
        if (event == null) {
            return duh(frame, bytes, "data", "cannot read a " + frame.id() + " event from '" + payload.data() + "'");
        }
        boolean supervision = SUPERVISION.contains(event.code());
        Delivery delivery = new Delivery(
                EventSource.SIA,
                frame.account(),
                bytes,
                "application/dc09",
                List.of(new ReceivedEvent(
                        frame.sequence(),
                        properties.dedupWindow(),
                        supervision,
                        deviceEvent(frame, payload, event, now))));
        byte[] answerKey = key;
        return reception.submit(delivery).handle((receipt, failure) -> {
            if (failure != null) {
                log.warn(
                        "VARDE-DC09-0004: frame {} of account {} not committed now ({}); no answer, the transmitter"
                                + " retries",
                        frame.sequence(),
                        frame.account(),
                        failure.getMessage());
                return Optional.empty();
            }
            return Optional.of(ack(frame, answerKey));
        });
    }

    private static DeviceEvent deviceEvent(Dc09Frame frame, Dc09Payload payload, Dc09Event event, Instant now) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("account", frame.account());
        extra.put("sequence", frame.sequence());
        extra.put("messageType", frame.id());
        extra.put("encrypted", frame.encrypted());
        extra.put("data", payload.data());
        if (frame.receiver() != null) {
            extra.put("receiver", frame.receiver());
        }
        if (frame.prefix() != null) {
            extra.put("prefix", frame.prefix());
        }
        if (payload.extended() != null) {
            extra.put("extendedData", payload.extended());
        }
        return new DeviceEvent(
                EventSource.SIA,
                "SIA:" + frame.account() + ":" + frame.sequence(),
                new DeviceIdentity(null, null, frame.account(), null, null, null),
                event.zone(),
                event.partition(),
                event.code(),
                event.description(),
                null,
                null,
                null,
                null,
                payload.timestamp() != null ? payload.timestamp() : now,
                now,
                extra);
    }

    private byte[] ack(Dc09Frame frame, byte @Nullable [] key) {
        if (key == null) {
            return Dc09Frame.wrap(frame.answerHeader("ACK") + "]");
        }
        try {
            return Dc09Frame.wrap(
                    frame.answerHeader("*ACK") + Dc09Aes.encrypt(key, "]" + Dc09Payload.timestamp(clock.instant())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VARDE-DC09-0005: cannot encrypt the ACK", e);
        }
    }

    private CompletableFuture<Optional<byte[]>> duh(Dc09Frame frame, byte[] bytes, String field, String reason) {
        RejectedDeliveryId id = reject(frame.account(), bytes, field, reason);
        log.warn(
                "VARDE-DC09-0006: DUH to frame {} of account {}: {} (kept as rejected input {})",
                frame.sequence(),
                frame.account(),
                reason,
                id);
        return answer(Dc09Frame.wrap(frame.answerHeader("DUH") + "]"));
    }

    /** DUH, kept raw, and for a known account a technical alarm (rate-limited): it may be a misconfigured panel. */
    private CompletableFuture<Optional<byte[]>> undecryptable(Dc09Frame frame, byte[] bytes, String reason) {
        CompletableFuture<Optional<byte[]>> answer = duh(frame, bytes, "data", reason);
        DeviceIdentity identity = new DeviceIdentity(null, null, frame.account(), null, null, null);
        if (devices.findByIdentity(identity).isPresent()
                && alerts.mayRaise("SIA", frame.account(), properties.alertInterval())) {
            Instant now = clock.instant();
            DeviceEvent event = new DeviceEvent(
                    EventSource.SIA,
                    "SIA:" + frame.account() + ":decrypt:" + now.toEpochMilli(),
                    identity,
                    null,
                    null,
                    "DECRYPT_FAILED",
                    "DC-09-melding kunne ikke dekrypteres: " + reason,
                    null,
                    null,
                    null,
                    null,
                    now,
                    now,
                    Map.of("account", frame.account(), "sequence", frame.sequence(), "messageType", frame.id()));
            try {
                // committed before the DUH goes out, so the operator's view never lags the transmitter's
                reception
                        .submit(new Delivery(
                                EventSource.SIA,
                                frame.account(),
                                bytes,
                                "application/dc09",
                                List.of(new ReceivedEvent(
                                        "decrypt-failed:" + now.toEpochMilli(),
                                        properties.dedupWindow(),
                                        false,
                                        event))))
                        .join();
            } catch (RuntimeException e) {
                log.error(
                        "VARDE-DC09-0007: the technical alarm for account {} could not be stored", frame.account(), e);
            }
        }
        return answer;
    }

    private RejectedDeliveryId reject(@Nullable String account, byte[] bytes, String field, String reason) {
        return reception.reject(new RejectedDelivery(
                EventSource.SIA, account, "application/dc09", bytes, List.of(new FieldProblem(field, reason))));
    }

    private static CompletableFuture<Optional<byte[]>> answer(byte[] frame) {
        return CompletableFuture.completedFuture(Optional.of(frame));
    }
}
