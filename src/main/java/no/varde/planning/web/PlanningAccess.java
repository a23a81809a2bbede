package no.varde.planning.web;

/** As the economics: aggregates for analysts, municipal administrators and system administrators. */
final class PlanningAccess {

    static final String VIEW = "hasAnyRole('REGION_ANALYST', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private PlanningAccess() {}
}
