package no.varde.economics.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;

/** What a user enters for a scenario; checked field by field before it becomes a {@code Scenario}. */
public record ScenarioDraft(
        @Nullable String name,
        @Nullable String description,
        @Nullable BigDecimal remainingManualSharePercent) {

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.strip().length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (remainingManualSharePercent != null
                && (remainingManualSharePercent.signum() < 0
                        || remainingManualSharePercent.compareTo(BigDecimal.valueOf(100)) > 0
                        || remainingManualSharePercent.stripTrailingZeros().scale() > 2)) {
            problems.add(new FieldProblem("remainingManualSharePercent", "must be 0 to 100 with at most two decimals"));
        }
        return problems;
    }

    BigDecimal remainingOrZero() {
        return remainingManualSharePercent == null ? BigDecimal.ZERO : remainingManualSharePercent;
    }
}
