package no.varde.ingest.reception;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.ingest.IntegrationId;
import no.varde.ingest.Integrations;
import no.varde.ingest.reception.ReceptionStore.Identity;
import no.varde.ingest.reception.ReceptionStore.Received;
import no.varde.ingest.reception.ReceptionStore.Seen;
import no.varde.registry.Devices;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes one group of deliveries in the caller's transaction: locks every event's identity in a fixed order,
 * answers retransmissions from what the identity became the first time, records supervision as the device's
 * last-heard, and turns every other event into an alarm. Alarm changes of the whole group reach the other nodes
 * as one NOTIFY at commit.
 */
@Component
class GroupWriter {

    private final ReceptionStore store;
    private final Alarms alarms;
    private final Devices devices;
    private final Integrations integrations;
    private final Clock clock;

    GroupWriter(ReceptionStore store, Alarms alarms, Devices devices, Integrations integrations, Clock clock) {
        this.store = store;
        this.alarms = alarms;
        this.devices = devices;
        this.integrations = integrations;
        this.clock = clock;
    }

    /** One receipt per delivery, in the group's order. */
    List<Receipt> write(List<Delivery> group) {
        Instant now = clock.instant();
        List<Identity> identities = new ArrayList<>();
        for (Delivery delivery : group) {
            for (ReceivedEvent event : delivery.events()) {
                identities.add(new Identity(delivery.source(), delivery.sender(), event.key()));
            }
        }
        store.lock(new LinkedHashSet<>(identities));
        Map<Identity, Seen> seen = store.seen(identities);
        List<Received> received = new ArrayList<>();
        Map<Identity, EventReceipt> inGroup = new HashMap<>();
        List<Receipt> receipts = new ArrayList<>();
        // rows several writers may update (devices' last-heard, integrations' last use) are updated at the end of the
        // group and in a fixed order, so two groups reporting the same devices never deadlock
        List<Devices.Heard> heard = new ArrayList<>();
        Set<String> httpSenders = new java.util.TreeSet<>();
        for (Delivery delivery : group) {
            DeliveryId deliveryId = store.delivery(delivery, now);
            List<EventReceipt> events = new ArrayList<>();
            for (ReceivedEvent event : delivery.events()) {
                Identity identity = new Identity(delivery.source(), delivery.sender(), event.key());
                EventReceipt earlier = inGroup.get(identity);
                Seen before = seen.get(identity);
                if (earlier != null) {
                    events.add(new EventReceipt(event.key(), earlier.alarm(), true));
                } else if (before != null && withinWindow(before, event, now)) {
                    events.add(new EventReceipt(event.key(), before.alarm(), true));
                } else {
                    AlarmId alarm = store(event, heard);
                    EventReceipt receipt = new EventReceipt(event.key(), alarm, false);
                    inGroup.put(identity, receipt);
                    events.add(receipt);
                    received.add(new Received(identity, now, alarm, event.supervision(), deliveryId));
                }
            }
            receipts.add(new Receipt(deliveryId, events));
            if (delivery.source() == EventSource.HTTP) {
                httpSenders.add(delivery.sender());
            }
        }
        store.record(received);
        devices.heardAll(heard);
        httpSenders.forEach(sender -> touch(sender, now));
        return receipts;
    }

    private @Nullable AlarmId store(ReceivedEvent event, List<Devices.Heard> heard) {
        if (event.supervision()) {
            String code = event.event().code().toUpperCase(Locale.ROOT);
            // SCAIP test transmissions are status codes 0102/0103 (keyed dty:stc); a base unit's radio test names
            // the pendant or detector it heard by did, so the test is that sub-device's
            boolean test = code.contains("TEST") || code.endsWith(":0102") || code.endsWith(":0103");
            heard.add(new Devices.Heard(
                    event.event().device(),
                    event.event().receivedAt(),
                    test,
                    event.event().source().name(),
                    event.assignedInterval(),
                    event.event().batteryPercent(),
                    true));
            return null;
        }
        // the device's last alarm (and battery level) in the group's one ordered update of device rows: no commit
        // and no lock of its own per alarm
        heard.add(Devices.Heard.alarm(
                event.event().device(),
                event.event().receivedAt(),
                event.event().batteryPercent()));
        return alarms.receive(event.event());
    }

    private static boolean withinWindow(Seen before, ReceivedEvent event, Instant now) {
        return event.dedupWindow() == null || !before.receivedAt().isBefore(now.minus(event.dedupWindow()));
    }

    private void touch(String sender, Instant now) {
        try {
            integrations.touch(IntegrationId.of(sender), now);
        } catch (IllegalArgumentException notAnIntegrationId) {
            // only HTTP senders are integrations; nothing to record
        }
    }
}
