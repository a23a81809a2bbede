package no.varde.economics.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A future the municipalities compare with today: shared cost items, and how much of today's manual follow-up
 * of alarms remains with the municipalities (none when the shared platform handles technical alarms by rules).
 *
 * @param remainingManualSharePercent percent of today's manual follow-up hours that remain, 0 to 100
 */
public record Scenario(
        ScenarioId id, String name, String description, BigDecimal remainingManualSharePercent, List<CostItem> items) {

    public Scenario {
        name = name.strip();
        description = description.strip();
        items = List.copyOf(items);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("VARDE-ECON-0006: a scenario needs a name");
        }
        if (remainingManualSharePercent.signum() < 0 || remainingManualSharePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("VARDE-ECON-0006: the remaining manual share must be 0 to 100 percent");
        }
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BigDecimal remainingManualFactor() {
        return remainingManualSharePercent.divide(HUNDRED);
    }

    public Nok annualTotal() {
        return items.stream().filter(CostItem::isAnnual).map(CostItem::amount).reduce(Nok.ZERO, Nok::plus);
    }

    public Nok oneOffTotal() {
        return items.stream()
                .filter(item -> !item.isAnnual())
                .map(CostItem::amount)
                .reduce(Nok.ZERO, Nok::plus);
    }

    public BigDecimal staffedFte() {
        return items.stream().filter(CostItem::isAnnual).map(CostItem::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Scenario withItems(List<CostItem> newItems) {
        return new Scenario(id, name, description, remainingManualSharePercent, newItems);
    }

    public Scenario withRemainingManualSharePercent(BigDecimal percent) {
        return new Scenario(id, name, description, percent, items);
    }
}
