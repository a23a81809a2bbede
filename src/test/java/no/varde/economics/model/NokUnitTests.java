package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NokUnitTests {

    @Test
    void keepsOrePrecisionAndRoundsHalfUp() {
        assertThat(Nok.of("10.005")).isEqualTo(Nok.of("10.01"));
        assertThat(Nok.of("10.004")).isEqualTo(Nok.of("10.00"));
        assertThat(Nok.of(1).times(new BigDecimal("0.125"))).isEqualTo(Nok.of("0.13"));
        assertThat(Nok.of("-0.005")).isEqualTo(Nok.of("-0.01"));
        assertThat(Nok.of("12.30").ore()).isEqualTo(1230);
        assertThat(Nok.ofOre(5)).isEqualTo(Nok.of("0.05"));
    }

    @Test
    void dividesAndGivesPercentagesWithoutDividingByZero() {
        assertThat(Nok.of(100).dividedBy(BigDecimal.valueOf(3))).isEqualTo(Nok.of("33.33"));
        assertThat(Nok.of(100).dividedBy(BigDecimal.ZERO)).isEqualTo(Nok.ZERO);
        assertThat(Nok.of(1).percentOf(Nok.of(3))).isEqualByComparingTo("33.3");
        assertThat(Nok.of(1).percentOf(Nok.ZERO)).isEqualByComparingTo("0");
    }
}
