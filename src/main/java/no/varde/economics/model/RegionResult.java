package no.varde.economics.model;

import java.util.List;
import no.varde.shared.Kommunenummer;

/** The whole region's result in a scenario; money figures are the exact sums of the municipalities'. */
public record RegionResult(
        int population,
        Nok asIsDirect,
        Nok asIsHoursCost,
        Nok toBeAnnual,
        Nok toBeOneOff,
        Nok remainingHoursCost,
        Comparison firstYear,
        Comparison steadyState,
        Comparison horizon,
        Staffing staffing,
        List<Kommunenummer> payingMoreSteadyState,
        List<Kommunenummer> payingMoreFirstYear) {

    public RegionResult {
        payingMoreSteadyState = List.copyOf(payingMoreSteadyState);
        payingMoreFirstYear = List.copyOf(payingMoreFirstYear);
    }

    public Nok asIsTotal() {
        return asIsDirect.plus(asIsHoursCost);
    }
}
