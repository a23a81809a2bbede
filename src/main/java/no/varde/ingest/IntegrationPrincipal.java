package no.varde.ingest;

import java.util.UUID;

/** The authenticated sender of an ingest request. */
public record IntegrationPrincipal(UUID integrationId, String name) {}
