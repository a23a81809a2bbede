package no.varde.audit;

public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    IMPORT,
    EXPORT,
    /** An attempt the application turned down; written even though the attempt itself is rolled back. */
    REFUSED,
    /** A resident moved from one municipality to another (one line in each). */
    TRANSFER,
    /** A masked personal id (the national id) shown in full on the user's request. */
    REVEAL
}
