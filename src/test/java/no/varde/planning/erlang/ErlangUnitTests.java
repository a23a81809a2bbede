package no.varde.planning.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Erlang C against an independent computation: the textbook formula with exact fractions
 * C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)), and e^x summed as a series to 40 digits.
 */
class ErlangUnitTests {

    static final MathContext DIGITS = new MathContext(40);

    @Test
    void hundredCallsInHalfAnHourWithThreeMinutesHandlingNeedFourteenAgentsForEightyPercentInTwentySeconds() {
        Load load = new Load(100, 1800, 180, 20);
        QueueResult result = ErlangC.staff(load, 0.8);
        assertThat(result.agents()).isEqualTo(14);
        assertThat(result.serviceLevel()).isCloseTo(exactServiceLevel(10, 14, 180, 20), within(1e-12));
        assertThat(round(result.serviceLevel(), 3)).isEqualTo(0.888);
        assertThat(round(ErlangC.evaluate(load, 13).serviceLevel(), 3)).isEqualTo(0.796);
        assertThat(result.probabilityOfWaiting()).isCloseTo(exactWaiting(10, 14).doubleValue(), within(1e-12));
        assertThat(result.averageSpeedOfAnswerSeconds())
                .isCloseTo(exactWaiting(10, 14).doubleValue() * 180 / 4, within(1e-9));
        assertThat(result.occupancy()).isCloseTo(10.0 / 14, within(1e-12));
    }

    @Test
    void agreesWithTheExactFormulaOverARangeOfLoads() {
        int[][] cases = {{1, 2}, {3, 5}, {7, 9}, {25, 30}, {60, 70}};
        for (int[] c : cases) {
            Load load = new Load(c[0] * 10, 3600, 360, 60);
            assertThat(ErlangC.evaluate(load, c[1]).serviceLevel())
                    .as("A=%d N=%d", c[0], c[1])
                    .isCloseTo(exactServiceLevel(c[0], c[1], 360, 60), within(1e-11));
        }
    }

    @Test
    void tooFewAgentsLeaveEveryCallerWaitingAndNoCallsNeedNobody() {
        Load load = new Load(100, 1800, 180, 20);
        assertThat(ErlangC.evaluate(load, 10).serviceLevel()).isZero();
        assertThat(ErlangC.staff(new Load(0, 1800, 180, 20), 0.95).agents()).isZero();
    }

    @Test
    void erlangAWithVeryPatientCallersIsErlangC() {
        Load load = new Load(100, 1800, 180, 20);
        QueueResult a = ErlangA.evaluate(load, 1e9, 14);
        QueueResult c = ErlangC.evaluate(load, 14);
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
        assertThat(a.probabilityOfWaiting()).isCloseTo(c.probabilityOfWaiting(), within(1e-4));
    }

    @Test
    void erlangAWithImpatientCallersNeedsNoMoreAgentsAndCountsThoseWhoHangUp() {
        Load load = new Load(100, 1800, 180, 20);
        QueueResult a = ErlangA.staff(load, 60, 0.8);
        assertThat(a.agents()).isLessThanOrEqualTo(14);
        assertThat(a.abandonment()).isBetween(0.0, 0.2);
        assertThat(ErlangA.evaluate(load, 60, 10).abandonment()).isGreaterThan(a.abandonment());
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Exact C(N, A) for whole-number traffic A. */
    static BigDecimal exactWaiting(int traffic, int agents) {
        BigInteger a = BigInteger.valueOf(traffic);
        // multiply everything by N! to stay in integers: Σ_{k<N} A^k·N!/k!  and  A^N·N/(N−A)
        BigInteger factorialN = factorial(agents);
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k < agents; k++) {
            sum = sum.add(a.pow(k).multiply(factorialN.divide(factorial(k))));
        }
        BigInteger lastNumerator = a.pow(agents).multiply(BigInteger.valueOf(agents));
        BigInteger lastDenominator = BigInteger.valueOf(agents - traffic);
        // C = last / (sum + last) with last = lastNumerator / lastDenominator
        BigInteger numerator = lastNumerator;
        BigInteger denominator = sum.multiply(lastDenominator).add(lastNumerator);
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), DIGITS);
    }

    static double exactServiceLevel(int traffic, int agents, int handling, int target) {
        BigDecimal exponent =
                BigDecimal.valueOf((long) -(agents - traffic) * target).divide(BigDecimal.valueOf(handling), DIGITS);
        return BigDecimal.ONE
                .subtract(exactWaiting(traffic, agents).multiply(exp(exponent), DIGITS))
                .doubleValue();
    }

    static BigDecimal exp(BigDecimal x) {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 200; n++) {
            term = term.multiply(x, DIGITS).divide(BigDecimal.valueOf(n), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }
}
