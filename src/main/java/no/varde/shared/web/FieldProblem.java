package no.varde.shared.web;

/** One thing wrong with an input: which field (or CSV column) and what is wrong with it. */
public record FieldProblem(String field, String message) {}
