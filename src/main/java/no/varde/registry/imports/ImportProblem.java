package no.varde.registry.imports;

/** One bad cell or row of an import: the file's line number (the header is line 1), the column and why. */
public record ImportProblem(long line, String column, String message) {}
