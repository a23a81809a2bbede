package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import no.varde.economics.scenario.ShippedScenarios;
import org.junit.jupiter.api.Test;

/** A staffing item driven by the staffing plan replaces the fixed 6 FTE / 7 MNOK and moves under sensitivity. */
class StaffingLinkUnitTests {

    final Scenario scenario = ShippedScenarios.newSharedCentre();
    final CostItem staffing = scenario.items().stream()
            .filter(item -> item.fte().signum() > 0)
            .findFirst()
            .orElseThrow();
    /** A stand-in for the planner: 10.57 FTE at today's volume, more with more alarms. */
    final StaffingLink link =
            new StaffingLink(Set.of(staffing.id()), factor -> new BigDecimal("10.57").multiply(factor), BigDecimal.ONE);

    @Test
    void theItemTakesThePlannedFteAndCostsThemAtTheSalary() {
        ScenarioResult result = CostModel.compute(DemoInputs.input(scenario).withStaffing(link));
        CostItem resolved = result.scenario().items().stream()
                .filter(item -> item.id().equals(staffing.id()))
                .findFirst()
                .orElseThrow();
        assertThat(resolved.fte()).isEqualByComparingTo("10.57");
        assertThat(resolved.amount()).isEqualTo(Nok.of(8_508_850));
        // 12.5 MNOK with the fixed 7 MNOK staffing item; 14 008 850 with the planned staffing
        assertThat(result.region().steadyState().toBe()).isEqualTo(Nok.of(14_008_850));
        assertThat(result.region().staffing().toBeFte()).isEqualByComparingTo("10.57");
    }

    @Test
    void sensitivityOnVolumeAndSalaryMovesTheStaffingItem() {
        SensitivityResult fixed = Sensitivity.analyse(DemoInputs.input(scenario), 20);
        SensitivityResult driven =
                Sensitivity.analyse(DemoInputs.input(scenario).withStaffing(link), 20);
        assertThat(fixed.rows()).noneMatch(row -> row.driver().equals("ALARM_VOLUME"));
        SensitivityRow volume = driven.rows().stream()
                .filter(row -> row.driver().equals("ALARM_VOLUME"))
                .findFirst()
                .orElseThrow();
        // ±20 % volume: 8.46 and 12.68 FTE at 805 000 → savings move by 4.22 FTE × 805 000 a year
        assertThat(volume.steadyStateSavingsLow().minus(volume.steadyStateSavingsHigh()))
                .isEqualTo(Nok.of(3_397_100));
        // a higher salary now also raises the planned staffing: 10.57 FTE × (966 000 − 644 000) = 3 403 540 a year
        assertThat(salaryMove(fixed).minus(salaryMove(driven))).isEqualTo(Nok.of(3_403_540));
        assertThat(driven.rows())
                .noneMatch(row ->
                        row.driver().equals("COST_ITEM") && staffing.name().equals(row.itemName()));
    }

    /** Steady-state savings at +20 % salary minus at −20 %. */
    static Nok salaryMove(SensitivityResult result) {
        SensitivityRow row = result.rows().stream()
                .filter(r -> r.driver().equals("SALARY_PER_FTE"))
                .findFirst()
                .orElseThrow();
        return row.steadyStateSavingsHigh().minus(row.steadyStateSavingsLow());
    }
}
