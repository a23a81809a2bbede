package no.varde.registry;

import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/**
 * A welfare-technology device and the identities it reports with: SCAIP controller and device id, SIA DC-09
 * account, IMEI or vendor serial number. A pendant or detector that talks through a base unit names it
 * ({@code baseDeviceId}) and reports with the base's controller id and its own SCAIP device id.
 */
public record Device(
        DeviceId id,
        Kommunenummer kommunenummer,
        DeviceType type,
        String vendor,
        String model,
        @Nullable String scaipControllerId,
        @Nullable String scaipDeviceId,
        @Nullable String siaAccount,
        @Nullable String imei,
        @Nullable String serialNumber,
        @Nullable ResidentId residentId,
        @Nullable String residentName,
        @Nullable String placement,
        DeviceStatus status,
        int version,
        @Nullable DeviceId baseDeviceId) {}
