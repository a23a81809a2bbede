package no.varde.shared.security;

/** The roles of Varde. Which municipality a user may see follows from the role and the user's binding. */
public enum Role {
    /** Health personnel in the response centre; sees residents of the municipalities the centre serves. */
    OPERATOR,
    /** Home-care worker of one municipality. */
    HOME_CARE,
    /** Administrator of one municipality: its registry, its accounts and its audit trail. */
    MUNICIPAL_ADMIN,
    /** Regional analyst: economics, benefits and planning; aggregates only, no personal data. */
    REGION_ANALYST,
    /** Technical administrator of the platform. */
    SYSTEM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that must be bound to exactly one municipality. */
    public boolean isMunicipal() {
        return this == HOME_CARE || this == MUNICIPAL_ADMIN;
    }
}
