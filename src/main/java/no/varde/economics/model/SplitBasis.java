package no.varde.economics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.varde.economics.SplitDriver;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;

/**
 * The figure every municipality has for every split driver. A municipality missing a count is estimated from
 * its population at the rate of those who have one; a driver nobody has counts for falls back to population.
 */
public record SplitBasis(
        List<Kommunenummer> municipalities, Map<SplitDriver, Map<Kommunenummer, Long>> values, List<DriverNote> notes) {

    public SplitBasis {
        municipalities = List.copyOf(municipalities);
        values = Map.copyOf(values);
        notes = List.copyOf(notes);
    }

    /**
     * @param counts per counted driver, the counts that exist and where they come from
     */
    public static SplitBasis of(List<Municipality> region, Map<SplitDriver, SourcedCounts> counts) {
        List<Kommunenummer> order =
                region.stream().map(Municipality::kommunenummer).sorted().toList();
        Map<Kommunenummer, Long> population = new LinkedHashMap<>();
        region.stream()
                .sorted((a, b) -> a.kommunenummer().compareTo(b.kommunenummer()))
                .forEach(m -> population.put(m.kommunenummer(), (long) m.population()));
        Map<SplitDriver, Map<Kommunenummer, Long>> values = new EnumMap<>(SplitDriver.class);
        values.put(SplitDriver.POPULATION, population);
        List<DriverNote> notes = new ArrayList<>();
        for (SplitDriver driver : SplitDriver.values()) {
            if (!driver.isCounted()) {
                continue;
            }
            SourcedCounts sourced = counts.getOrDefault(driver, SourcedCounts.NONE);
            Map<Kommunenummer, Long> known = new LinkedHashMap<>();
            sourced.counts().forEach((k, v) -> {
                if (population.containsKey(k)) {
                    known.put(k, v);
                }
            });
            long knownSum = known.values().stream().mapToLong(Long::longValue).sum();
            if (knownSum == 0) {
                values.put(driver, population);
                notes.add(new DriverNote(driver, DriverNote.Source.POPULATION, List.of()));
                continue;
            }
            long knownPopulation =
                    known.keySet().stream().mapToLong(population::get).sum();
            Map<Kommunenummer, Long> complete = new LinkedHashMap<>();
            List<Kommunenummer> estimated = new ArrayList<>();
            for (Kommunenummer k : order) {
                Long count = known.get(k);
                if (count == null) {
                    count = estimate(population.get(k), knownSum, knownPopulation);
                    estimated.add(k);
                }
                complete.put(k, count);
            }
            values.put(driver, complete);
            notes.add(new DriverNote(driver, sourced.source(), estimated, sourced.period(), sourced.monthsWithData()));
        }
        return new SplitBasis(order, values, notes);
    }

    private static long estimate(long population, long knownSum, long knownPopulation) {
        if (knownPopulation == 0) {
            return 0;
        }
        return BigDecimal.valueOf(population)
                .multiply(BigDecimal.valueOf(knownSum))
                .divide(BigDecimal.valueOf(knownPopulation), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The municipality's figure for the driver; 1 for the flat driver. */
    public long valueOf(SplitDriver driver, Kommunenummer kommunenummer) {
        if (driver == SplitDriver.FLAT) {
            return 1;
        }
        Map<Kommunenummer, Long> byMunicipality = values.get(driver);
        return byMunicipality == null ? 0 : byMunicipality.getOrDefault(kommunenummer, 0L);
    }

    /** Counts of one driver and where they come from (the usage period when measured from operations). */
    public record SourcedCounts(
            DriverNote.Source source,
            Map<Kommunenummer, Long> counts,
            no.varde.economics.OperationalCounts.@org.jspecify.annotations.Nullable UsagePeriod period,
            int monthsWithData) {

        static final SourcedCounts NONE = new SourcedCounts(DriverNote.Source.IMPORTED, Map.of());

        public SourcedCounts {
            counts = Map.copyOf(counts);
        }

        public SourcedCounts(DriverNote.Source source, Map<Kommunenummer, Long> counts) {
            this(source, counts, null, 0);
        }
    }
}
