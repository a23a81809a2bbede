package no.varde.economics;

/** What a cost is split by. */
public enum SplitDriver {
    /** Equal shares for every municipality. */
    FLAT,
    /** Inhabitants, from the registry. */
    POPULATION,
    ACTIVE_DEVICES,
    SERVICE_RECIPIENTS,
    ALARMS,
    HANDLING_MINUTES;

    /** Drivers that are counted per municipality (measured by the platform or imported with the survey). */
    public boolean isCounted() {
        return this != FLAT && this != POPULATION;
    }
}
