package no.varde.economics.model;

import java.util.List;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * Everything the model computes for one scenario, with the inputs it was computed from.
 *
 * @param paybackYear the first year whose cumulative savings are zero or more; null if not within the horizon
 * @param estimated municipalities estimated at the reference cost per inhabitant
 */
public record ScenarioResult(
        Scenario scenario,
        Assumptions assumptions,
        RegionResult region,
        List<MunicipalityResult> municipalities,
        List<YearResult> years,
        @Nullable Integer paybackYear,
        List<Kommunenummer> estimated,
        List<DriverNote> driverNotes) {

    public ScenarioResult {
        municipalities = List.copyOf(municipalities);
        years = List.copyOf(years);
        estimated = List.copyOf(estimated);
        driverNotes = List.copyOf(driverNotes);
    }
}
