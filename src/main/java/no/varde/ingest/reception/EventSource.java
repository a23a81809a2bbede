package no.varde.ingest.reception;

/** The protocol that carried an event; the names match {@code alarm_type_mapping.source}. */
public enum EventSource {
    HTTP,
    SCAIP,
    SIA
}
