package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The chain's percentiles are PostgreSQL's percentile_cont: linear between the two nearest values. */
class ChainPercentilesUnitTests {

    @Test
    void percentilesInterpolateBetweenTheNearestValuesAsPercentileContDoes() {
        ChainStatistics.Samples samples = new ChainStatistics.Samples();
        // seconds of occurred → received; the other links not reached (NaN) for the last two alarms
        samples.add(new double[] {4, 1, Double.NaN, 10});
        samples.add(new double[] {1, 2, 3, 20});
        samples.add(new double[] {3, Double.NaN, Double.NaN, Double.NaN});
        samples.add(new double[] {2, Double.NaN, Double.NaN, Double.NaN});

        ChainSupervision.Link occurred = samples.link(0);
        assertThat(occurred.count()).isEqualTo(4);
        // select percentile_cont(array[0.5, 0.9, 0.99]) within group (order by x) from unnest('{4,1,3,2}'::float8[]) x
        assertThat(occurred.p50()).isEqualTo(2.5);
        assertThat(occurred.p90()).isCloseTo(3.7, within(0.001));
        assertThat(occurred.p99()).isCloseTo(4.0, within(0.001));
        assertThat(occurred.max()).isEqualTo(4.0);

        assertThat(samples.link(1).count())
                .as("only alarms that reached the link")
                .isEqualTo(2);
        assertThat(samples.link(2).p50()).isEqualTo(3.0);
        assertThat(samples.link(3).p90()).isEqualTo(19.0);
        assertThat(samples.alarms).isEqualTo(4);
    }

    @Test
    void aLinkNoAlarmReachedHasNoFigures() {
        ChainStatistics.Samples samples = new ChainStatistics.Samples();
        samples.add(new double[] {1, Double.NaN, Double.NaN, Double.NaN});
        ChainSupervision.Link shown = samples.link(1);
        assertThat(shown.count()).isZero();
        assertThat(shown.p50()).isNull();
        assertThat(shown.max()).isNull();
    }
}
