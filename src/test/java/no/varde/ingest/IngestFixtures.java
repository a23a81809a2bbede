package no.varde.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.varde.alarm.DeviceEvent;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.Receipt;
import no.varde.ingest.reception.ReceivedEvent;
import no.varde.ingest.reception.Reception;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;

/**
 * Deliveries for ingest tests, and received ones built through the real reception port: handed over as a protocol
 * adapter hands them, committed by a writer in a group, answered with the durable receipt. Never by inserting rows,
 * so a fixture is deduplicated, classified and stored exactly as a device's delivery would be.
 * {@link IngestTestSupport} finds the demo region's devices and builds HTTP bodies.
 */
public final class IngestFixtures {

    private IngestFixtures() {}

    /** An event of a demo device ({@code cid} with device {@code 1}) as an adapter parsed it, received {@code now}. */
    public static DeviceEvent deviceEvent(String code, String cid, String text, Instant now) {
        return new DeviceEvent(
                EventSource.HTTP,
                "test:" + UUID.randomUUID(),
                new DeviceIdentity(cid, "1", null, null, null, null),
                null,
                null,
                code,
                text,
                null,
                null,
                null,
                null,
                now,
                now,
                Map.of());
    }

    /** An event under the sender's own key that becomes an alarm (or a technical alarm, by its code). */
    public static ReceivedEvent event(String key, String code, String cid, String text, Instant now) {
        return new ReceivedEvent(key, null, false, deviceEvent(code, cid, text, now));
    }

    /** A heartbeat: supervision only, it records the device's last-heard and never becomes an alarm. */
    public static ReceivedEvent heartbeat(String key, String cid, Instant now) {
        return new ReceivedEvent(key, null, true, deviceEvent("HEARTBEAT", cid, "", now));
    }

    /** One HTTP delivery from {@code sender}; its raw bytes are the events' keys. */
    public static Delivery delivery(String sender, ReceivedEvent... events) {
        String raw = String.join(
                "\n", List.of(events).stream().map(ReceivedEvent::key).toList());
        return new Delivery(
                EventSource.HTTP, sender, raw.getBytes(StandardCharsets.UTF_8), "text/plain", List.of(events));
    }

    /** A delivery handed to reception and committed: returns its durable receipt (fails if none came in 10 s). */
    public static Receipt receivedDelivery(Reception reception, Delivery delivery) throws Exception {
        return reception.submit(delivery).get(10, TimeUnit.SECONDS);
    }

    public static Receipt receivedDelivery(Reception reception, String sender, ReceivedEvent... events)
            throws Exception {
        return receivedDelivery(reception, delivery(sender, events));
    }
}
