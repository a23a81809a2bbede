package no.varde.registry;

/** How home care gets into the home. */
public enum EntryMethod {
    KEY_BOX,
    E_LOCK,
    KEY_AT_TEAM,
    UNLOCKED,
    OTHER
}
