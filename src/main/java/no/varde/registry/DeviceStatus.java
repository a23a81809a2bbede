package no.varde.registry;

public enum DeviceStatus {
    IN_STOCK,
    ACTIVE,
    SERVICE,
    RETIRED
}
