package no.varde.ingest;

/** The authenticated sender of an ingest request. */
public record IntegrationPrincipal(IntegrationId integrationId, String name) {}
