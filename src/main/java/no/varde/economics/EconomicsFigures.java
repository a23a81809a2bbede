package no.varde.economics;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import no.varde.economics.analysis.AssumptionsStore;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.CostItem;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.springframework.stereotype.Service;

/** What other modules (planning, benefits) may read of the economics: the cost of an FTE and each scenario's staff. */
@Service
public class EconomicsFigures {

    private final AssumptionsStore assumptions;
    private final ScenarioCatalogue scenarios;

    EconomicsFigures(AssumptionsStore assumptions, ScenarioCatalogue scenarios) {
        this.assumptions = assumptions;
        this.scenarios = scenarios;
    }

    /** Salary per FTE (NOK incl. social costs) and working hours per FTE a year, as the analyst set them. */
    public FteCost fteCost() {
        Assumptions current = assumptions.current();
        return new FteCost(current.salaryPerFte().amount(), current.hoursPerFte());
    }

    /** Every scenario with the FTE its annual items pay for and what those items cost a year. */
    public List<ScenarioStaffing> scenarioStaffing() {
        return scenarios.all().stream()
                .map(s -> new ScenarioStaffing(
                        s.id().value(),
                        s.name(),
                        s.staffedFte(),
                        s.items().stream()
                                .filter(CostItem::isAnnual)
                                .filter(item -> item.fte().signum() > 0)
                                .map(item -> item.amount().amount())
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))
                .toList();
    }

    public record FteCost(BigDecimal salaryPerFte, BigDecimal hoursPerFte) {}

    public record ScenarioStaffing(UUID id, String name, BigDecimal fte, BigDecimal annualStaffingCost) {}
}
