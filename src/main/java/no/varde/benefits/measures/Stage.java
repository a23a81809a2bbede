package no.varde.benefits.measures;

/** Idea → planned → in the økonomiplan/budget → implemented → nyttiggjort (in use, with measured benefit). */
public enum Stage {
    IDEA,
    PLANNED,
    IN_BUDGET,
    IMPLEMENTED,
    REALISED
}
