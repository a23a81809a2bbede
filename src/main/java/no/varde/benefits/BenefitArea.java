package no.varde.benefits;

/** The benefit areas of the national method for benefit realisation (gevinstrealisering). */
public enum BenefitArea {
    QUALITY,
    TIME_SAVED,
    COST_AVOIDED
}
