package no.varde.economics.model;

import java.util.List;

/** The tornado: every driver varied by ±percent, rows sorted by how much they move the horizon savings. */
public record SensitivityResult(
        int percent, Nok baseSteadyStateSavings, Nok baseHorizonSavings, int horizonYears, List<SensitivityRow> rows) {

    public SensitivityResult {
        rows = List.copyOf(rows);
    }
}
