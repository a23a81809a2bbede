package no.varde.planning.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersPer1000UnitTests {

    static final DemandProperties ASSUMED = new DemandProperties(null, null, null, null, null);

    @Test
    void fromTheRegistryUsersByAgeGroupOverTheBaseYearsInhabitants() {
        UsersPer1000 rates = UsersPer1000.of(
                Map.of(
                        AgeGroup.AGE_0_66,
                        200L,
                        AgeGroup.AGE_67_79,
                        450L,
                        AgeGroup.AGE_80_89,
                        900L,
                        AgeGroup.AGE_90_PLUS,
                        500L),
                2026,
                Map.of(
                        AgeGroup.AGE_0_66,
                        65_000L,
                        AgeGroup.AGE_67_79,
                        12_000L,
                        AgeGroup.AGE_80_89,
                        5_000L,
                        AgeGroup.AGE_90_PLUS,
                        1_200L),
                100,
                ASSUMED);
        assertThat(rates.source()).isEqualTo(UsersPer1000.Source.REGISTRY);
        assertThat(rates.baseYear()).isEqualTo(2026);
        assertThat(rates.users()).isEqualTo(2_050);
        // 200 × 1000 / 65 000 = 3.077 → 3.08; 450 / 12 000 → 37.50; 900 / 5 000 → 180.00; 500 / 1 200 → 416.67
        assertThat(rates.of(AgeGroup.AGE_0_66)).isEqualByComparingTo("3.08");
        assertThat(rates.of(AgeGroup.AGE_67_79)).isEqualByComparingTo("37.50");
        assertThat(rates.of(AgeGroup.AGE_80_89)).isEqualByComparingTo("180.00");
        assertThat(rates.of(AgeGroup.AGE_90_PLUS)).isEqualByComparingTo("416.67");
    }

    @Test
    void withoutABaseYearOrWithTooFewUsersTheAssumptionsAreUsedAndSaidSo() {
        Map<AgeGroup, Long> users = Map.of(AgeGroup.AGE_80_89, 900L);
        Map<AgeGroup, Long> inhabitants =
                Map.of(AgeGroup.AGE_0_66, 1L, AgeGroup.AGE_67_79, 1L, AgeGroup.AGE_80_89, 1L, AgeGroup.AGE_90_PLUS, 1L);
        UsersPer1000 noBase = UsersPer1000.of(users, null, null, 100, ASSUMED);
        assertThat(noBase.source()).isEqualTo(UsersPer1000.Source.ASSUMED);
        assertThat(noBase.of(AgeGroup.AGE_80_89)).isEqualByComparingTo("160");
        assertThat(UsersPer1000.of(Map.of(AgeGroup.AGE_80_89, 99L), 2026, inhabitants, 100, ASSUMED)
                        .source())
                .isEqualTo(UsersPer1000.Source.ASSUMED);
        assertThat(UsersPer1000.of(users, 2026, Map.of(AgeGroup.AGE_80_89, 5_000L), 100, ASSUMED)
                        .source())
                .as("an age group without inhabitants in the base year")
                .isEqualTo(UsersPer1000.Source.ASSUMED);
    }
}
