package no.varde.economics.model;

import java.util.List;
import no.varde.shared.Kommunenummer;

/**
 * One municipality's result in a scenario.
 *
 * @param estimated the municipality did not answer; its as-is cost is the reference cost per inhabitant
 * @param itemShares its share of each cost item, in the scenario's item order
 * @param toBeAnnual its share of the annual items plus the cost of its remaining manual hours
 */
public record MunicipalityResult(
        Kommunenummer kommunenummer,
        String name,
        int population,
        boolean estimated,
        Nok asIsDirect,
        Nok asIsHoursCost,
        List<Nok> itemShares,
        Nok toBeAnnual,
        Nok toBeOneOff,
        Nok remainingHoursCost,
        Comparison firstYear,
        Comparison steadyState,
        Comparison horizon,
        Staffing staffing) {

    public MunicipalityResult {
        itemShares = List.copyOf(itemShares);
    }

    public Nok asIsTotal() {
        return asIsDirect.plus(asIsHoursCost);
    }
}
