package no.varde.ingest.reception;

import java.time.Duration;
import no.varde.alarm.DeviceEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event of a delivery.
 *
 * @param key the sender's own identity of the event (HTTP: eventId; SCAIP: ref; DC-09: sequence), deduplicated
 *     per (source, sender, key) within dedupWindow (null = forever, as HTTP today; SCAIP/DC-09 default 10 min)
 * @param supervision true for heartbeats / test transmissions / DC-09 NULL (SCAIP mty PI, stc 102/103, HTTP
 *     HEARTBEAT): they only record the device's last-heard (and last test) and never create an alarm row
 */
public record ReceivedEvent(String key, @Nullable Duration dedupWindow, boolean supervision, DeviceEvent event) {}
