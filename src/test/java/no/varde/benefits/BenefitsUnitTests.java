package no.varde.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benefit figures from a known set of operations, and the plan's line from baseline to target. */
class BenefitsUnitTests {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final Suppression FIVE = new Suppression(5);

    static Indicator hoursSaved(BigDecimal minutes) {
        return new Indicator(
                UUID.randomUUID(),
                "Timer spart",
                BenefitArea.TIME_SAVED,
                "timer/måned",
                null,
                BigDecimal.ZERO,
                "29 500 timer",
                new BigDecimal("1483.33"),
                JAN,
                JAN.plusMonths(12),
                MeasurementSource.RULE_HOURS,
                minutes,
                "test");
    }

    static MonthFacts facts(String kommune, YearMonth month, long byRules, long answered, long within) {
        return new MonthFacts(kommune, month, answered, byRules + 2, 0, 0, 0, answered, within, byRules, 2);
    }

    @Test
    void thePlanRunsStraightFromTheBaselineToTheTargetAndStaysThere() {
        Indicator i = hoursSaved(BigDecimal.TEN);
        assertThat(i.planned(JAN.minusMonths(3))).isEqualByComparingTo("0");
        assertThat(i.planned(JAN)).isEqualByComparingTo("0");
        assertThat(i.planned(JAN.plusMonths(6))).isEqualByComparingTo("741.67");
        assertThat(i.planned(JAN.plusMonths(12))).isEqualByComparingTo("1483.33");
        assertThat(i.planned(JAN.plusMonths(30))).isEqualByComparingTo("1483.33");
    }

    @Test
    void hoursSavedAreTechnicalAlarmsClosedByRulesTimesTheMinutesTheyUsedToTake() {
        List<MonthFacts> known = List.of(
                facts("1813", JAN, 120, 40, 38),
                facts("1833", JAN, 240, 100, 90),
                facts("1833", JAN.plusMonths(1), 6, 3, 3));
        Realisation region =
                Realisation.measured(hoursSaved(BigDecimal.TEN), null, known, JAN, JAN.plusMonths(1), FIVE);
        // (120 + 240) × 10 min = 3 600 min = 60 h
        assertThat(region.months().get(0).realised()).isEqualByComparingTo("60.00");
        assertThat(region.months().get(1).realised()).isEqualByComparingTo("1.00");
        Realisation rana = Realisation.measured(hoursSaved(new BigDecimal("7.5")), "1833", known, JAN, JAN, FIVE);
        assertThat(rana.months().getFirst().realised()).isEqualByComparingTo("30.00");
        assertThat(rana.months().getFirst().difference()).isEqualByComparingTo("30.00");
    }

    @Test
    void aMunicipalitysValueOverFewerThanFiveAlarmsIsNotShown() {
        List<MonthFacts> known = List.of(facts("1815", JAN, 3, 4, 4));
        assertThat(Realisation.measured(hoursSaved(BigDecimal.TEN), "1815", known, JAN, JAN, FIVE)
                        .months()
                        .getFirst()
                        .realised())
                .isNull();
        assertThat(Realisation.measured(hoursSaved(BigDecimal.TEN), null, known, JAN, JAN, FIVE)
                        .months()
                        .getFirst()
                        .realised())
                .isEqualByComparingTo("0.50");
        assertThat(FIVE.count(4)).isNull();
        assertThat(FIVE.count(0)).isZero();
        assertThat(FIVE.count(5)).isEqualTo(5);
        assertThat(FIVE.text(1)).isEqualTo("< 5");
    }

    @Test
    void theShareAnsweredInTimeIsMeasuredFromTheAnswers() {
        Indicator share = new Indicator(
                UUID.randomUUID(),
                "Innen 60 s",
                BenefitArea.QUALITY,
                "%",
                null,
                new BigDecimal("80"),
                "",
                new BigDecimal("95"),
                JAN,
                JAN.plusMonths(6),
                MeasurementSource.ANSWER_SHARE,
                null,
                "test");
        List<MonthFacts> known = List.of(facts("1813", JAN, 0, 40, 38), facts("1833", JAN, 0, 100, 90));
        assertThat(Realisation.measured(share, null, known, JAN, JAN, FIVE)
                        .months()
                        .getFirst()
                        .realised())
                .isEqualByComparingTo("91.4");
        assertThat(Realisation.measured(share, null, List.of(), JAN, JAN, FIVE)
                        .months()
                        .getFirst()
                        .realised())
                .isNull();
    }

    @Test
    void manualValuesAddUpPerMonthAndKeepWhoEnteredThem() {
        Indicator manual = new Indicator(
                UUID.randomUUID(),
                "Unngåtte utrykninger",
                BenefitArea.COST_AVOIDED,
                "stk",
                "1833",
                BigDecimal.ZERO,
                "",
                new BigDecimal("40"),
                JAN,
                JAN.plusMonths(12),
                MeasurementSource.MANUAL,
                null,
                "test");
        var entries = Map.of(
                JAN,
                List.of(
                        new Realisation.Entry("1833", new BigDecimal("12"), "", "admin.rana", "2026-02-01T10:00:00Z"),
                        new Realisation.Entry("1833", new BigDecimal("3"), "", "admin.rana", "2026-02-02T10:00:00Z")));
        Realisation r = Realisation.manual(manual, "1833", entries, JAN, JAN.plusMonths(1));
        assertThat(r.months().get(0).realised()).isEqualByComparingTo("15");
        assertThat(r.months().get(0).entries())
                .extracting(Realisation.Entry::enteredBy)
                .containsOnly("admin.rana");
        assertThat(r.months().get(1).realised()).isNull();
    }

    @Test
    void hoursSavedByRulesNeedTheMinutesAndAPlanNeedsTime() {
        assertThatThrownBy(() -> hoursSaved(null)).hasMessageContaining("VARDE-BEN-0001");
        assertThatThrownBy(() -> new Indicator(
                        UUID.randomUUID(),
                        "x",
                        BenefitArea.QUALITY,
                        "%",
                        null,
                        BigDecimal.ONE,
                        "",
                        BigDecimal.TEN,
                        JAN,
                        JAN,
                        MeasurementSource.MANUAL,
                        null,
                        "t"))
                .hasMessageContaining("target month");
    }
}
