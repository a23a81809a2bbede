package no.varde.alarm;

import java.time.Instant;
import java.util.Map;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * One event from a device, whatever protocol carried it: what every receiver turns its bytes into.
 *
 * @param source the protocol adapter (HTTP, SCAIP, SIA)
 * @param deviceType the device type as the protocol names it (SCAIP dty, HTTP device.type), if given
 * @param component the part of the device that reported (SCAIP dco, DC-09 zone/partition, HTTP device.component)
 * @param code the sender's event code, looked up in the classification table
 * @param deviceType the device's own type code when the protocol carries one (SCAIP dty, DC-09 zone), else null
 * @param component the device component (SCAIP dco, DC-09 partition), else null
 * @param senderIdentity the sender's own identity of this event, for deduplication (integration + event id,
 *     SCAIP ref, DC-09 account + sequence)
 */
public record DeviceEvent(
        EventSource source,
        String senderIdentity,
        DeviceIdentity device,
        @Nullable String deviceType,
        @Nullable String component,
        String code,
        @Nullable String text,
        @Nullable Integer batteryPercent,
        @Nullable String location,
        @Nullable Double latitude,
        @Nullable Double longitude,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, Object> extra) {}
