package no.varde.shared.security;

/** The roles of Varde. Which municipality a user may see follows from the role and the user's binding. */
public enum Role {
    /** Health personnel in the response centre; sees residents of the municipalities the centre serves. */
    OPERATOR,
    /**
     * The response centre's lead on duty: everything an operator may do (same scope), and also reassigning or
     * releasing an alarm another operator holds and closing a flood of stale alarms in bulk.
     */
    SUPERVISOR,
    /** Home-care worker of one municipality. */
    HOME_CARE,
    /** Administrator of one municipality: its registry, its accounts and its audit trail. */
    MUNICIPAL_ADMIN,
    /** Regional analyst: economics, benefits and planning; aggregates only, no personal data. */
    REGION_ANALYST,
    /** Technical administrator of the platform. */
    SYSTEM_ADMIN,
    /**
     * Technician who maintains the welfare technology of one municipality or several: sees their tasks and devices,
     * and a resident's name and address only for a task they visit.
     */
    TECHNICIAN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this role handles alarms in the response centre (an operator, or the supervisor who is one too). */
    public boolean handlesAlarms() {
        return this == OPERATOR || this == SUPERVISOR;
    }

    /** Whether this role may do what {@code other} may: itself, and an operator's work for the supervisor. */
    public boolean includes(Role other) {
        return this == other || (this == SUPERVISOR && other == OPERATOR);
    }

    /** Roles that must be bound to a municipality (a technician to one or several). */
    public boolean isMunicipal() {
        return this == HOME_CARE || this == MUNICIPAL_ADMIN || this == TECHNICIAN;
    }
}
