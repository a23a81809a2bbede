package no.varde.fleet;

import org.jspecify.annotations.Nullable;

/**
 * Whether supervision runs: {@code running} when some node completed a pass within
 * {@link FleetProperties#staleAfter()}; the lease names the node that holds it and the last pass.
 */
public record SupervisionStatus(
        boolean enabledHere, boolean running, SupervisionLease.@Nullable State lease, String thisNode) {}
