package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import no.varde.economics.scenario.ShippedScenarios;
import org.junit.jupiter.api.Test;

class SensitivityUnitTests {

    private final SensitivityResult result =
            Sensitivity.analyse(DemoInputs.input(ShippedScenarios.newSharedCentre()), 20);

    @Test
    void eachDriverMovesTheSavingsByWhatItWeighs() {
        SensitivityRow staffing = row("COST_ITEM", "Felles bemanning responssenter (6 årsverk)");
        // 7 MNOK a year +-20 % -> steady savings -+1.4 MNOK, over four years -+5.6 MNOK
        assertThat(staffing.steadyStateSavingsLow().minus(result.baseSteadyStateSavings()))
                .isEqualTo(Nok.of(1_400_000));
        assertThat(result.baseHorizonSavings().minus(staffing.horizonSavingsHigh()))
                .isEqualTo(Nok.of(5_600_000));
        SensitivityRow establishment = row("COST_ITEM", "Etablering av responssenter");
        assertThat(establishment.steadyStateSavingsLow()).isEqualTo(result.baseSteadyStateSavings());
        assertThat(establishment.swing()).isEqualTo(Nok.of(1_800_000));
        // reference cost of the two estimated municipalities (1,741 inhabitants x 326 NOK x 20 %)
        SensitivityRow reference = row("REFERENCE_COST", null);
        assertThat(reference.steadyStateSavingsHigh().minus(result.baseSteadyStateSavings()))
                .isEqualTo(Nok.of("113513.20"));
    }

    @Test
    void rowsAreSortedByHowMuchTheyMoveTheSavings() {
        assertThat(result.rows()).isSortedAccordingTo((a, b) -> b.swing().compareTo(a.swing()));
        // the respondents' 13.75 MNOK of direct costs weigh most, then the 12.18 MNOK of manual hours (moved
        // alike by hours and salary), then the 7 MNOK of shared staffing
        assertThat(result.rows())
                .extracting(SensitivityRow::driver)
                .containsExactly(
                        "DIRECT_COSTS",
                        "MANUAL_HOURS",
                        "SALARY_PER_FTE",
                        "COST_ITEM",
                        "COST_ITEM",
                        "COST_ITEM",
                        "REFERENCE_COST");
        assertThat(result.rows()).extracting(SensitivityRow::driver).doesNotContain("REMAINING_MANUAL_SHARE");
    }

    private SensitivityRow row(String driver, String item) {
        return result.rows().stream()
                .filter(r -> r.driver().equals(driver) && java.util.Objects.equals(r.itemName(), item))
                .findFirst()
                .orElseThrow();
    }
}
