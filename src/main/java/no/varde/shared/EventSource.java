package no.varde.shared;

/**
 * The protocol that carried a device event: HTTP (the JSON API), SCAIP (SIP MESSAGE, SS 91100) or SIA (SIA DC-09
 * over IP), or FLEET for the technical alarms Varde's own fleet supervision raises (lost contact, a safety risk
 * raised by a rule). The names match {@code alarm_type_mapping.source}, {@code alarm.source} and
 * {@code received_delivery.source}.
 */
public enum EventSource {
    HTTP,
    SCAIP,
    SIA,
    FLEET
}
