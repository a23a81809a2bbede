package no.varde.economics.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.CostKind;
import no.varde.economics.model.Nok;
import no.varde.economics.model.SplitKey;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a user enters for a cost item.
 *
 * @param kind ANNUAL or ONE_OFF
 * @param splitKey e.g. {@code FLAT:40;POPULATION:60}
 */
public record CostItemDraft(
        @Nullable String name,
        @Nullable String kind,
        @Nullable BigDecimal amount,
        @Nullable BigDecimal fte,
        @Nullable String splitKey) {

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        }
        if (kindOrNull() == null) {
            problems.add(new FieldProblem("kind", "must be ANNUAL or ONE_OFF"));
        }
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amount", "must be an amount of zero or more with at most two decimals"));
        } else if (amount.compareTo(new BigDecimal("999999999999")) > 0) {
            problems.add(new FieldProblem("amount", "is too large"));
        }
        if (fte != null
                && (fte.signum() < 0
                        || fte.stripTrailingZeros().scale() > 2
                        || fte.compareTo(BigDecimal.valueOf(10000)) > 0)) {
            problems.add(new FieldProblem("fte", "must be 0 to 10000 with at most two decimals"));
        }
        if (splitKey == null || splitKey.isBlank()) {
            problems.add(new FieldProblem("splitKey", "must not be blank, e.g. FLAT:40;POPULATION:60"));
        } else {
            try {
                SplitKey.parse(splitKey);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("splitKey", e.getMessage()));
            }
        }
        return problems;
    }

    /** The item this draft describes; throws {@link InvalidInputException} naming every bad field. */
    @SuppressWarnings("NullAway")
    public CostItem toItem(CostItemId id) {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-ECON-0021: the cost item has invalid fields", problems);
        }
        return new CostItem(
                id, name, kindOrNull(), new Nok(amount), fte == null ? BigDecimal.ZERO : fte, SplitKey.parse(splitKey));
    }

    public static CostItemDraft of(CostItem item) {
        return new CostItemDraft(
                item.name(),
                item.kind().name(),
                item.amount().amount(),
                item.fte(),
                item.splitKey().toString());
    }

    private @Nullable CostKind kindOrNull() {
        if (kind == null) {
            return null;
        }
        try {
            return CostKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
