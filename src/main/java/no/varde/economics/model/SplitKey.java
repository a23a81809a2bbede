package no.varde.economics.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import no.varde.economics.SplitDriver;

/**
 * A fordelingsnøkkel: a weighted mix of split drivers with whole-percent weights adding up to 100, written
 * e.g. {@code FLAT:40;POPULATION:60}.
 */
public record SplitKey(List<Part> parts) {

    /** One driver of the key and its weight in percent. */
    public record Part(SplitDriver driver, int weightPercent) {}

    public SplitKey {
        parts = List.copyOf(parts);
        List<String> problems = problemsOf(parts);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("VARDE-ECON-0002: invalid split key: " + String.join("; ", problems));
        }
    }

    public static SplitKey of(SplitDriver driver) {
        return new SplitKey(List.of(new Part(driver, 100)));
    }

    /** The source analysis's mix: a flat part and the rest by population. */
    public static SplitKey flatAndPopulation(int flatPercent) {
        return new SplitKey(
                List.of(new Part(SplitDriver.FLAT, flatPercent), new Part(SplitDriver.POPULATION, 100 - flatPercent)));
    }

    /** Parses {@code FLAT:40;POPULATION:60}; throws IllegalArgumentException naming what is wrong. */
    public static SplitKey parse(String text) {
        List<Part> parts = new ArrayList<>();
        for (String token : text.split("[;,]")) {
            if (token.isBlank()) {
                continue;
            }
            String[] pair = token.strip().split(":");
            if (pair.length != 2) {
                throw new IllegalArgumentException("VARDE-ECON-0002: invalid split key part '" + token.strip()
                        + "', expected DRIVER:PERCENT such as POPULATION:60");
            }
            SplitDriver driver;
            int weight;
            try {
                driver = SplitDriver.valueOf(pair[0].strip().toUpperCase(Locale.ROOT));
                weight = Integer.parseInt(pair[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("VARDE-ECON-0002: invalid split key part '" + token.strip()
                        + "'; drivers are " + EnumSet.allOf(SplitDriver.class) + " and weights whole percent");
            }
            parts.add(new Part(driver, weight));
        }
        return new SplitKey(parts);
    }

    public static List<String> problemsOf(List<Part> parts) {
        List<String> problems = new ArrayList<>();
        if (parts.isEmpty()) {
            problems.add("needs at least one driver");
        }
        Set<SplitDriver> seen = EnumSet.noneOf(SplitDriver.class);
        int sum = 0;
        for (Part part : parts) {
            if (part.weightPercent() < 1 || part.weightPercent() > 100) {
                problems.add(part.driver() + " weight must be 1 to 100 percent, was " + part.weightPercent());
            }
            if (!seen.add(part.driver())) {
                problems.add(part.driver() + " appears more than once");
            }
            sum += part.weightPercent();
        }
        if (!parts.isEmpty() && sum != 100) {
            problems.add("weights must add up to 100 percent, they add up to " + sum);
        }
        return problems;
    }

    public int weightOf(SplitDriver driver) {
        return parts.stream()
                .filter(part -> part.driver() == driver)
                .mapToInt(Part::weightPercent)
                .sum();
    }

    @Override
    public String toString() {
        return parts.stream()
                .map(part -> part.driver() + ":" + part.weightPercent())
                .collect(Collectors.joining(";"));
    }
}
