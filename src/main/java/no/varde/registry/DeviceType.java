package no.varde.registry;

public enum DeviceType {
    SAFETY_ALARM,
    FALL_SENSOR,
    GPS_TRACKER,
    MEDICATION_DISPENSER,
    DOOR_SENSOR,
    BED_SENSOR,
    SMOKE_DETECTOR,
    E_LOCK,
    OTHER
}
