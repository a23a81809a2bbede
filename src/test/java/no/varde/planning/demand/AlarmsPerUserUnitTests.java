package no.varde.planning.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AlarmsPerUserUnitTests {

    static final YearMonth FROM = YearMonth.of(2025, 12);
    static final YearMonth TO = YearMonth.of(2026, 11);

    @Test
    void measuredFromOperationsAYearsWorthFromTheMonthsThatHaveAlarmsOverTheUsers() {
        // 1 200 alarms in the 6 months Varde has run, 100 users: 2 400 a year, 24 per user
        AlarmsPerUser measured = AlarmsPerUser.of(1_200, 6, FROM, TO, 100, 100, new BigDecimal("20"));
        assertThat(measured.source()).isEqualTo(AlarmsPerUser.Source.MEASURED);
        assertThat(measured.value()).isEqualByComparingTo("24.00");
        // 5 000 alarms in 12 months over 300 users: 16.666… → 16.67
        assertThat(AlarmsPerUser.of(5_000, 12, FROM, TO, 300, 100, new BigDecimal("20"))
                        .value())
                .isEqualByComparingTo("16.67");
    }

    @Test
    void tooFewAlarmsOrNoUsersAndTheAssumptionIsUsedAndSaidSo() {
        AlarmsPerUser few = AlarmsPerUser.of(99, 3, FROM, TO, 50, 100, new BigDecimal("20"));
        assertThat(few.source()).isEqualTo(AlarmsPerUser.Source.ASSUMED);
        assertThat(few.value()).isEqualByComparingTo("20");
        assertThat(few.alarms()).isEqualTo(99);
        assertThat(AlarmsPerUser.of(1_000, 12, FROM, TO, 0, 100, new BigDecimal("20"))
                        .source())
                .isEqualTo(AlarmsPerUser.Source.ASSUMED);
    }
}
