package no.varde.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StaffingCalculatorUnitTests {

    static final StaffingParameters GOAL = new StaffingParameters(0.95, 60, 300, 0.15, null, null, 1);

    @Test
    void neverFewerThanTwoOperatorsOnDutyEvenWithoutAlarms() {
        StaffingCalculator.Result result = StaffingCalculator.compute(new double[168], GOAL, 2);
        assertThat(result.hours()).hasSize(168).allSatisfy(hour -> {
            assertThat(hour.operators()).isEqualTo(2);
            assertThat(hour.erlangAgents()).isZero();
            assertThat(hour.minimumApplied()).isTrue();
        });
        assertThat(result.onDutyHoursPerWeek()).isEqualTo(336);
        assertThat(result.hoursDecidedByMinimum()).isEqualTo(168);
    }

    @Test
    void aLightLoadThatOnePersonCouldCarryStillGetsTwo() {
        double[] week = new double[168];
        Arrays.fill(week, 0.5); // half an alarm an hour × 5 min: Erlang C says 1 operator meets 95 % in 60 s
        StaffingCalculator.Result result = StaffingCalculator.compute(week, GOAL, 2);
        assertThat(result.hours().getFirst().erlangAgents()).isEqualTo(1);
        assertThat(result.hours().getFirst().operators()).isEqualTo(2);
        assertThat(result.coLocatedHoursPerWeek()).isEqualTo(168);
    }

    @Test
    void aHeavyHourIsStaffedByTheLoadAndTheHoursKeepTheirPlaceInTheWeek() {
        double[] week = new double[168];
        week[24 + 9] = 200; // Tuesday 09–10: 200 alarms × 180 s... at 300 s = 16.7 Erlang
        StaffingCalculator.Result result = StaffingCalculator.compute(week, GOAL, 2);
        HourPlan tuesdayNine = result.hours().get(33);
        assertThat(tuesdayNine.day()).isEqualTo(2);
        assertThat(tuesdayNine.hour()).isEqualTo(9);
        assertThat(tuesdayNine.operators())
                .isEqualTo(tuesdayNine.erlangAgents())
                .isGreaterThan(17);
        assertThat(tuesdayNine.minimumApplied()).isFalse();
        assertThat(tuesdayNine.serviceLevel()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.hoursDecidedByMinimum()).isEqualTo(167);
    }

    @Test
    void fteAreHoursOnDutyOverTheNetHoursOfAnFte() {
        // two on duty all year: 2 × 8 760 h ÷ (1 950 h × 0.85) = 10.57 FTE; without shrinkage 8.98
        assertThat(StaffingCalculator.fte(336, new BigDecimal("1950"), 0.15)).isEqualByComparingTo("10.57");
        assertThat(StaffingCalculator.fte(336, new BigDecimal("1950"), 0)).isEqualByComparingTo("8.98");
    }

    @Test
    void theAssumedVolumeIsSpreadOverTheWeekAndAddsUpToTheYear() {
        double[] week = StaffingPlanner.assumedWeek(40_000);
        double perYear = Arrays.stream(week).sum() * 8760 / 168;
        assertThat(perYear).isCloseTo(40_000, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(week[3]).isLessThan(week[9]);
    }
}
