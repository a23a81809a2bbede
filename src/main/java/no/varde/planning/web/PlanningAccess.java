package no.varde.planning.web;

/** As the economics: aggregates for analysts, municipal administrators and system administrators. */
final class PlanningAccess {

    static final String VIEW = "hasAnyRole('REGION_ANALYST', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";
    static final String EDIT = "hasAnyRole('REGION_ANALYST', 'SYSTEM_ADMIN')";

    private PlanningAccess() {}
}
