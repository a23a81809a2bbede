package no.varde.economics.model;

import java.math.BigDecimal;

/**
 * One cost of a scenario, split between the municipalities by its own key.
 *
 * @param fte the staffing the item pays for (e.g. 6 FTE of shared response-centre staff), counted in to-be FTE
 */
public record CostItem(CostItemId id, String name, CostKind kind, Nok amount, BigDecimal fte, SplitKey splitKey) {

    public CostItem {
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("VARDE-ECON-0005: a cost item needs a name");
        }
        if (amount.isNegative() || fte.signum() < 0) {
            throw new IllegalArgumentException("VARDE-ECON-0005: amount and FTE must not be negative");
        }
    }

    public boolean isAnnual() {
        return kind == CostKind.ANNUAL;
    }

    public CostItem withAmount(Nok newAmount) {
        return new CostItem(id, name, kind, newAmount, fte, splitKey);
    }

    public CostItem copy() {
        return new CostItem(CostItemId.random(), name, kind, amount, fte, splitKey);
    }
}
