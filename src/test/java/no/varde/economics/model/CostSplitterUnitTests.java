package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.varde.economics.SplitDriver;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import org.junit.jupiter.api.Test;

class CostSplitterUnitTests {

    private static final List<Municipality> THREE = List.of(
            new Municipality(Kommunenummer.of("1811"), "A", 100),
            new Municipality(Kommunenummer.of("1812"), "B", 200),
            new Municipality(Kommunenummer.of("1813"), "C", 700));

    @Test
    void flatSplitGivesTheLeftoverOreToTheLowestKommunenummerOnATie() {
        Map<Kommunenummer, Nok> shares = CostSplitter.split(Nok.of(100), SplitKey.of(SplitDriver.FLAT), basis(THREE));
        assertThat(shares.values()).containsExactly(Nok.of("33.34"), Nok.of("33.33"), Nok.of("33.33"));
    }

    @Test
    void leftoverOreGoToTheLargestRemainders() {
        // 0.05 NOK by 100/200/700: exact 0.5, 1.0 and 3.5 øre -> floors 0, 1, 3 and one øre left over; the
        // remainders of A and C tie at one half, so the lower kommunenummer (A) gets it
        Map<Kommunenummer, Nok> shares =
                CostSplitter.split(Nok.of("0.05"), SplitKey.of(SplitDriver.POPULATION), basis(THREE));
        assertThat(shares.values()).containsExactly(Nok.of("0.01"), Nok.of("0.01"), Nok.of("0.03"));
        // 0.10 NOK by 2/3/3 of 1000 inhabitants... exact 1.0, 2.0, 7.0 øre: no leftover
        assertThat(CostSplitter.split(Nok.of("0.10"), SplitKey.of(SplitDriver.POPULATION), basis(THREE))
                        .values())
                .containsExactly(Nok.of("0.01"), Nok.of("0.02"), Nok.of("0.07"));
    }

    @Test
    void weightedMixIsSplitExactly() {
        // 40 % flat (13,333.33... each) and 60 % by population (6,000 / 12,000 / 42,000) of 100,000 NOK
        Map<Kommunenummer, Nok> shares =
                CostSplitter.split(Nok.of(100_000), SplitKey.flatAndPopulation(40), basis(THREE));
        assertThat(shares.values()).containsExactly(Nok.of("19333.34"), Nok.of("25333.33"), Nok.of("55333.33"));
    }

    @Test
    void sharesAlwaysAddUpToTheAmount() {
        Random random = new Random(1811);
        for (int run = 0; run < 500; run++) {
            List<Municipality> region = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                region.add(
                        new Municipality(Kommunenummer.of(String.valueOf(1000 + i)), "M" + i, random.nextInt(50_000)));
            }
            Nok amount = Nok.ofOre(random.nextLong(10_000_000_000L));
            int flat = 1 + random.nextInt(99);
            Map<Kommunenummer, Nok> shares =
                    CostSplitter.split(amount, SplitKey.flatAndPopulation(flat), basis(region));
            assertThat(shares.values().stream().reduce(Nok.ZERO, Nok::plus)).isEqualTo(amount);
            assertThat(shares.values()).noneMatch(Nok::isNegative);
        }
    }

    @Test
    void countedDriverWithoutAnyCountsFallsBackToPopulation() {
        SplitBasis basis = basis(THREE);
        assertThat(CostSplitter.split(Nok.of(1000), SplitKey.of(SplitDriver.ALARMS), basis)
                        .values())
                .containsExactly(Nok.of(100), Nok.of(200), Nok.of(700));
        assertThat(basis.notes())
                .filteredOn(note -> note.driver() == SplitDriver.ALARMS)
                .singleElement()
                .extracting(DriverNote::source)
                .isEqualTo(DriverNote.Source.POPULATION);
    }

    @Test
    void missingCountsAreEstimatedFromPopulationAtTheRegionsRate() {
        // A and C report 10 and 70 devices for 800 inhabitants: B (200 inhabitants) is estimated at 20
        SplitBasis basis = SplitBasis.of(
                THREE,
                Map.of(
                        SplitDriver.ACTIVE_DEVICES,
                        new SplitBasis.SourcedCounts(
                                DriverNote.Source.IMPORTED,
                                Map.of(Kommunenummer.of("1811"), 10L, Kommunenummer.of("1813"), 70L))));
        assertThat(basis.valueOf(SplitDriver.ACTIVE_DEVICES, Kommunenummer.of("1812")))
                .isEqualTo(20);
        assertThat(CostSplitter.split(Nok.of(1000), SplitKey.of(SplitDriver.ACTIVE_DEVICES), basis)
                        .values())
                .containsExactly(Nok.of(100), Nok.of(200), Nok.of(700));
        assertThat(basis.notes())
                .filteredOn(note -> note.driver() == SplitDriver.ACTIVE_DEVICES)
                .singleElement()
                .satisfies(note -> assertThat(note.estimated()).containsExactly(Kommunenummer.of("1812")));
    }

    @Test
    void regionWithoutInhabitantsIsSplitFlat() {
        List<Municipality> empty = List.of(
                new Municipality(Kommunenummer.of("1811"), "A", 0), new Municipality(Kommunenummer.of("1812"), "B", 0));
        assertThat(CostSplitter.split(Nok.of(1), SplitKey.of(SplitDriver.POPULATION), basis(empty))
                        .values())
                .containsExactly(Nok.of("0.50"), Nok.of("0.50"));
    }

    @Test
    void weightsAreTheExactSharesAsDecimals() {
        Map<Kommunenummer, java.math.BigDecimal> weights =
                CostSplitter.weights(SplitKey.flatAndPopulation(20), basis(THREE));
        assertThat(weights.get(Kommunenummer.of("1813"))).isEqualByComparingTo("0.6266666666666667");
    }

    private static SplitBasis basis(List<Municipality> region) {
        return SplitBasis.of(region, Map.of());
    }
}
