package no.varde.ingest.reception;

/** The protocol a delivery came by; the names match {@code alarm_type_mapping.source}. */
public enum EventSource {
    HTTP,
    SCAIP,
    SIA
}
