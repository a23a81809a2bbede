package no.varde.benefits.measures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A measure (tiltak): the need it answers (written first), who was involved and when, the municipalities, the
 * owner, the cost per year of the økonomiplan, the benefit indicators it should move, and its stage.
 *
 * @param costPerYear NOK per budget year; no years means not funded
 * @param economicsItem the cost item of an economics scenario it corresponds to, by name (empty when none)
 */
public record Measure(
        UUID id,
        String need,
        String name,
        String owner,
        Stage stage,
        Set<String> municipalities,
        SortedMap<Integer, BigDecimal> costPerYear,
        List<Involvement> involvement,
        Set<UUID> indicators,
        String economicsItem,
        int version) {

    public Measure {
        need = need.strip();
        name = name.strip();
        municipalities = Set.copyOf(municipalities);
        costPerYear = new TreeMap<>(costPerYear);
        involvement = List.copyOf(involvement);
        indicators = Set.copyOf(indicators);
    }

    /** Users, staff or others involved, with when. */
    public record Involvement(String party, String description, LocalDate happenedOn, String enteredBy) {}

    /** No budget year: the measure has no money in the økonomiplan. */
    public boolean notFunded() {
        return costPerYear.isEmpty();
    }

    /** No recorded involvement of users, staff or others. */
    public boolean noInvolvement() {
        return involvement.isEmpty();
    }

    public BigDecimal costIn(int year) {
        return costPerYear.getOrDefault(year, BigDecimal.ZERO);
    }

    /**
     * The measure at another stage, if the rules allow it: into the budget only with budget years; nyttiggjort only
     * with at least one measured value of a linked benefit indicator.
     *
     * @param measured for each linked indicator, whether it has a measured value
     */
    public Measure movedTo(Stage target, Map<UUID, Boolean> measured) {
        if (target.compareTo(Stage.IN_BUDGET) >= 0 && notFunded()) {
            throw new StageRefused(
                    "VARDE-BEN-0021", name + " has no budget years: it cannot be " + target + " (not funded)");
        }
        if (target == Stage.REALISED && indicators.stream().noneMatch(i -> measured.getOrDefault(i, false))) {
            throw new StageRefused(
                    "VARDE-BEN-0022",
                    name + " cannot be nyttiggjort without at least one measured value of a linked benefit indicator");
        }
        return new Measure(
                id,
                need,
                name,
                owner,
                target,
                municipalities,
                costPerYear,
                involvement,
                indicators,
                economicsItem,
                version);
    }

    /** A stage change the rules refuse; the message names the rule. */
    public static class StageRefused extends RuntimeException {
        private final String code;

        StageRefused(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
