package no.varde.audit;

public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    IMPORT,
    EXPORT
}
