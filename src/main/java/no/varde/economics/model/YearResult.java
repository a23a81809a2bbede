package no.varde.economics.model;

/** One year of the horizon; one-off costs fall in year 1. */
public record YearResult(int year, Nok asIs, Nok toBe, Nok savings, Nok cumulativeSavings) {}
