package no.varde.ingest.reception;

import java.time.Duration;
import no.varde.alarm.DeviceEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event of a delivery.
 *
 * @param key the sender's own identity of the event (HTTP: eventId; SCAIP: ref; DC-09: sequence), deduplicated
 *     per (source, sender, key) within {@code dedupWindow}
 * @param dedupWindow null = forever (HTTP); SCAIP/DC-09 default 10 minutes
 * @param supervision true for heartbeats, test transmissions and DC-09 NULL: they only record the device's
 *     last-heard (and last test) and never create an alarm row
 * @param assignedInterval the heartbeat interval code the receiver assigned the device in its answer (SCAIP
 *     {@code hbi}), recorded on the device so its supervision class follows what it was told; null: none
 */
public record ReceivedEvent(
        String key,
        @Nullable Duration dedupWindow,
        boolean supervision,
        DeviceEvent event,
        @Nullable String assignedInterval) {

    public ReceivedEvent(String key, @Nullable Duration dedupWindow, boolean supervision, DeviceEvent event) {
        this(key, dedupWindow, supervision, event, null);
    }
}
