package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import no.varde.economics.scenario.ShippedScenarios;
import no.varde.shared.Kommunenummer;
import org.junit.jupiter.api.Test;

class CostModelUnitTests {

    private final ScenarioResult newCentre = CostModel.compute(DemoInputs.input(ShippedScenarios.newSharedCentre()));
    private final ScenarioResult connection =
            CostModel.compute(DemoInputs.input(ShippedScenarios.connectionToExisting()));

    @Test
    void asIsIsTheReportedCostsPlusManualHoursAtTheSalaryPerFte() {
        RegionResult region = newCentre.region();
        // 13,754,229 NOK reported + Vega and Træna (1,741 inhabitants) at 326 NOK = 14,321,795 NOK direct
        assertThat(region.asIsDirect()).isEqualTo(Nok.of(14_321_795));
        // 29,500 hours / 1,950 * 805,000 NOK, each municipality rounded to the øre
        assertThat(region.asIsHoursCost()).isEqualTo(Nok.of("12178205.12"));
        assertThat(region.steadyState().asIs()).isEqualTo(Nok.of("26500000.12"));
        assertThat(region.steadyState().asIsPerInhabitant()).isEqualTo(Nok.of("318.86"));
        assertThat(region.staffing().asIsHours()).isEqualByComparingTo("29500");
        assertThat(region.staffing().asIsFte()).isEqualByComparingTo("15.13");
    }

    @Test
    void municipalitiesWithoutAnAnswerAreEstimatedAtTheReferencePerInhabitant() {
        MunicipalityResult vega = find(newCentre, "1815");
        assertThat(vega.estimated()).isTrue();
        assertThat(vega.asIsTotal()).isEqualTo(Nok.of(1263L * 326));
        assertThat(vega.staffing().asIsHours()).isEqualByComparingTo("0");
        assertThat(newCentre.estimated()).containsExactly(Kommunenummer.of("1815"), Kommunenummer.of("1835"));
    }

    @Test
    void newSharedCentreComparesFirstYearWithOneOffAndSteadyStateWithout() {
        RegionResult region = newCentre.region();
        assertThat(region.toBeAnnual()).isEqualTo(Nok.of(12_500_000));
        assertThat(region.toBeOneOff()).isEqualTo(Nok.of(4_500_000));
        assertThat(region.firstYear().toBe()).isEqualTo(Nok.of(17_000_000));
        assertThat(region.firstYear().savings()).isEqualTo(Nok.of("9500000.12"));
        assertThat(region.firstYear().savingsPercent()).isEqualByComparingTo("35.8");
        assertThat(region.steadyState().toBe()).isEqualTo(Nok.of(12_500_000));
        assertThat(region.steadyState().toBePerInhabitant()).isEqualTo(Nok.of("150.40"));
        assertThat(region.steadyState().savings()).isEqualTo(Nok.of("14000000.12"));
        assertThat(region.steadyState().savingsPercent()).isEqualByComparingTo("52.8");
        // four years: 4 x 26.5 MNOK against 4 x 12.5 MNOK + 4.5 MNOK once
        assertThat(region.horizon().asIs()).isEqualTo(Nok.of("106000000.48"));
        assertThat(region.horizon().toBe()).isEqualTo(Nok.of(54_500_000));
        assertThat(newCentre.years()).hasSize(4);
        assertThat(newCentre.years().get(3).cumulativeSavings())
                .isEqualTo(region.horizon().savings());
        assertThat(newCentre.paybackYear()).isEqualTo(1);
    }

    @Test
    void connectionHasTheSmallerOneOff() {
        RegionResult region = connection.region();
        assertThat(region.firstYear().toBe()).isEqualTo(Nok.of(14_500_000));
        assertThat(region.firstYear().savings()).isEqualTo(Nok.of("12000000.12"));
        assertThat(region.firstYear().savingsPercent()).isEqualByComparingTo("45.3");
        assertThat(region.steadyState().toBe()).isEqualTo(Nok.of(12_500_000));
    }

    @Test
    void sharedStaffReplacesManualFollowUp() {
        Staffing staffing = newCentre.region().staffing();
        assertThat(staffing.toBeFte()).isEqualByComparingTo("6.00");
        assertThat(staffing.toBeHours()).isEqualByComparingTo("11700");
        assertThat(staffing.hoursReduction()).isEqualByComparingTo("17800");
        assertThat(staffing.fteReduction()).isEqualByComparingTo("9.13");
    }

    @Test
    void regionFiguresAreTheExactSumsOfTheMunicipalities() {
        for (ScenarioResult result : List.of(newCentre, connection)) {
            Nok toBe = result.municipalities().stream()
                    .map(m -> m.firstYear().toBe())
                    .reduce(Nok.ZERO, Nok::plus);
            assertThat(toBe).isEqualTo(result.region().firstYear().toBe());
            for (int i = 0; i < result.scenario().items().size(); i++) {
                int item = i;
                Nok shares = result.municipalities().stream()
                        .map(m -> m.itemShares().get(item))
                        .reduce(Nok.ZERO, Nok::plus);
                assertThat(shares).isEqualTo(result.scenario().items().get(i).amount());
            }
        }
    }

    @Test
    void smallMunicipalitiesPayMoreThanTodayBecauseOfTheFlatParts() {
        // Vevelstad (488 inhabitants) pays a 1/18 flat part of 40 % of the platform alone: 122,222 NOK > today
        MunicipalityResult vevelstad = find(newCentre, "1816");
        assertThat(vevelstad.steadyState().paysMore()).isTrue();
        assertThat(newCentre.region().payingMoreSteadyState()).contains(Kommunenummer.of("1816"));
        MunicipalityResult rana = find(newCentre, "1833");
        assertThat(rana.steadyState().paysMore()).isFalse();
        assertThat(newCentre.region().payingMoreSteadyState())
                .allSatisfy(
                        k -> assertThat(find(newCentre, k.value()).steadyState().paysMore())
                                .isTrue());
    }

    @Test
    void remainingManualHoursAreCostedAtTheSalaryPerFte() {
        Scenario half = ShippedScenarios.newSharedCentre().withRemainingManualSharePercent(BigDecimal.valueOf(50));
        RegionResult region = CostModel.compute(DemoInputs.input(half)).region();
        // 14,750 hours remain: 6,089,102.56 NOK, and 6 FTE of shared staff
        assertThat(region.remainingHoursCost().amount())
                .isBetween(new BigDecimal("6089102.50"), new BigDecimal("6089102.62"));
        assertThat(region.staffing().toBeHours()).isEqualByComparingTo("26450");
        assertThat(region.steadyState().toBe()).isEqualTo(Nok.of(12_500_000).plus(region.remainingHoursCost()));
    }

    @Test
    void horizonFollowsTheAssumptions() {
        AnalysisInput input = DemoInputs.input(ShippedScenarios.newSharedCentre());
        ScenarioResult oneYear =
                CostModel.compute(input.with(input.assumptions().withHorizon(1)));
        assertThat(oneYear.region().horizon().toBe())
                .isEqualTo(oneYear.region().firstYear().toBe());
        assertThat(oneYear.years()).hasSize(1);
    }

    private static MunicipalityResult find(ScenarioResult result, String kommunenummer) {
        return result.municipalities().stream()
                .filter(m -> m.kommunenummer().value().equals(kommunenummer))
                .findFirst()
                .orElseThrow();
    }
}
