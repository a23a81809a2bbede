package no.varde.registry;

import org.jspecify.annotations.Nullable;

/** The identities a device reports with; any one of them finds the device. */
public record DeviceIdentity(
        @Nullable String scaipControllerId,
        @Nullable String scaipDeviceId,
        @Nullable String siaAccount,
        @Nullable String imei,
        @Nullable String vendor,
        @Nullable String serialNumber) {

    public boolean isEmpty() {
        return blank(scaipControllerId) && blank(siaAccount) && blank(imei) && blank(serialNumber);
    }

    /** A short readable form for operators when the device is unknown. */
    public String label() {
        StringBuilder s = new StringBuilder();
        if (!blank(scaipControllerId)) {
            s.append("SCAIP ").append(scaipControllerId).append(blank(scaipDeviceId) ? "" : "/" + scaipDeviceId);
        } else if (!blank(siaAccount)) {
            s.append("SIA ").append(siaAccount);
        } else if (!blank(imei)) {
            s.append("IMEI ").append(imei);
        } else if (!blank(serialNumber)) {
            s.append(blank(vendor) ? "" : vendor + " ").append("serial ").append(serialNumber);
        }
        return s.toString();
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
