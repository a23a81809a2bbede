package no.varde.economics.model;

/** Whether a cost item recurs every year or is paid once, in the first year. */
public enum CostKind {
    ANNUAL,
    ONE_OFF
}
