package no.varde.economics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Cost items whose FTE come from the staffing plan instead of a fixed amount: FTE = the plan's FTE at the volume
 * factor, amount = FTE × salary per FTE. Resolved at the start of every computation, so varying the salary or the
 * volume in the sensitivity moves these items.
 */
public record StaffingLink(
        Set<CostItemId> items, Function<BigDecimal, BigDecimal> fteAtVolume, BigDecimal volumeFactor) {

    public static final StaffingLink NONE = new StaffingLink(Set.of(), f -> BigDecimal.ZERO, BigDecimal.ONE);

    public StaffingLink {
        items = Set.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean drives(CostItem item) {
        return items.contains(item.id()) && item.isAnnual();
    }

    public StaffingLink atVolume(BigDecimal factor) {
        return new StaffingLink(items, fteAtVolume, factor);
    }

    Scenario resolve(Scenario scenario, Assumptions assumptions) {
        if (isEmpty()) {
            return scenario;
        }
        BigDecimal fte = fteAtVolume.apply(volumeFactor).setScale(2, RoundingMode.HALF_UP);
        List<CostItem> resolved = new ArrayList<>();
        for (CostItem item : scenario.items()) {
            resolved.add(
                    drives(item)
                            ? new CostItem(
                                    item.id(),
                                    item.name(),
                                    item.kind(),
                                    assumptions.salaryPerFte().times(fte),
                                    fte,
                                    item.splitKey())
                            : item);
        }
        return scenario.withItems(resolved);
    }
}
