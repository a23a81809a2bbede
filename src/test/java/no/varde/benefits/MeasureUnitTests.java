package no.varde.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import no.varde.benefits.measures.Measure;
import no.varde.benefits.measures.Stage;
import org.junit.jupiter.api.Test;

/** The stage rules of a measure (tiltak). */
class MeasureUnitTests {

    static final UUID INDICATOR = UUID.randomUUID();

    static Measure measure(TreeMap<Integer, BigDecimal> years, List<Measure.Involvement> involvement) {
        return new Measure(
                UUID.randomUUID(),
                "Færre unødige utrykninger",
                "Digitalt tilsyn",
                "Rana",
                Stage.IDEA,
                Set.of("1833"),
                years,
                involvement,
                Set.of(INDICATOR),
                "",
                0);
    }

    static TreeMap<Integer, BigDecimal> funded() {
        return new TreeMap<>(Map.of(2027, new BigDecimal("250000"), 2028, new BigDecimal("100000")));
    }

    @Test
    void aMeasureWithoutBudgetYearsIsNotFundedAndCannotEnterTheBudget() {
        Measure idea = measure(new TreeMap<>(), List.of());
        assertThat(idea.notFunded()).isTrue();
        assertThat(idea.noInvolvement()).isTrue();
        assertThat(idea.movedTo(Stage.PLANNED, Map.of()).stage()).isEqualTo(Stage.PLANNED);
        assertThatThrownBy(() -> idea.movedTo(Stage.IN_BUDGET, Map.of()))
                .isInstanceOf(Measure.StageRefused.class)
                .hasMessageStartingWith("VARDE-BEN-0021");
        assertThatThrownBy(() -> idea.movedTo(Stage.IMPLEMENTED, Map.of())).hasMessageStartingWith("VARDE-BEN-0021");
    }

    @Test
    void nyttiggjortNeedsAMeasuredBenefit() {
        Measure funded = measure(
                funded(),
                List.of(new Measure.Involvement("USERS", "Brukermøte", LocalDate.of(2026, 3, 1), "analytiker")));
        assertThat(funded.notFunded()).isFalse();
        assertThat(funded.noInvolvement()).isFalse();
        assertThat(funded.movedTo(Stage.IMPLEMENTED, Map.of()).stage()).isEqualTo(Stage.IMPLEMENTED);
        assertThatThrownBy(() -> funded.movedTo(Stage.REALISED, Map.of(INDICATOR, false)))
                .hasMessageStartingWith("VARDE-BEN-0022");
        assertThat(funded.movedTo(Stage.REALISED, Map.of(INDICATOR, true)).stage())
                .isEqualTo(Stage.REALISED);
        assertThat(funded.costIn(2027)).isEqualByComparingTo("250000");
        assertThat(funded.costIn(2030)).isZero();
    }
}
