package no.varde.economics.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Varies each driver of the model down and up by a percentage and records how the savings move. */
public final class Sensitivity {

    private Sensitivity() {}

    public static SensitivityResult analyse(AnalysisInput input, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("VARDE-ECON-0007: the sensitivity must be 1 to 100 percent");
        }
        BigDecimal low = BigDecimal.ONE.subtract(BigDecimal.valueOf(percent, 2));
        BigDecimal high = BigDecimal.ONE.add(BigDecimal.valueOf(percent, 2));
        ScenarioResult base = CostModel.compute(input);
        List<SensitivityRow> rows = new ArrayList<>();
        rows.add(row(
                "MANUAL_HOURS", null, input, low, high, (in, f) -> in.withCosts(c -> c.scaled(BigDecimal.ONE, f))));
        rows.add(row(
                "SALARY_PER_FTE",
                null,
                input,
                low,
                high,
                (in, f) -> in.with(in.assumptions()
                        .withSalaryPerFte(in.assumptions().salaryPerFte().times(f)))));
        rows.add(row(
                "DIRECT_COSTS", null, input, low, high, (in, f) -> in.withCosts(c -> c.scaled(f, BigDecimal.ONE))));
        if (!base.estimated().isEmpty()) {
            rows.add(row(
                    "REFERENCE_COST",
                    null,
                    input,
                    low,
                    high,
                    (in, f) -> in.with(in.assumptions()
                            .withReferenceCostPerInhabitant(in.assumptions()
                                    .referenceCostPerInhabitant()
                                    .times(f)))));
        }
        Scenario scenario = input.scenario();
        if (scenario.remainingManualSharePercent().signum() > 0) {
            rows.add(row(
                    "REMAINING_MANUAL_SHARE",
                    null,
                    input,
                    low,
                    high,
                    (in, f) -> in.with(scenario.withRemainingManualSharePercent(
                            scenario.remainingManualSharePercent().multiply(f).min(BigDecimal.valueOf(100))))));
        }
        if (!input.staffing().isEmpty()) {
            // staffing-driven items follow the alarm volume through the staffing plan (and the salary above)
            rows.add(row(
                    "ALARM_VOLUME",
                    null,
                    input,
                    low,
                    high,
                    (in, f) -> in.withStaffing(
                            in.staffing().atVolume(in.staffing().volumeFactor().multiply(f)))));
        }
        for (int i = 0; i < scenario.items().size(); i++) {
            int index = i;
            CostItem item = scenario.items().get(i);
            if (input.staffing().drives(item)) {
                continue;
            }
            rows.add(row("COST_ITEM", item.name(), input, low, high, (in, f) -> {
                List<CostItem> items = new ArrayList<>(scenario.items());
                items.set(index, item.withAmount(item.amount().times(f)));
                return in.with(scenario.withItems(items));
            }));
        }
        rows.sort(Comparator.comparing(SensitivityRow::swing).reversed());
        return new SensitivityResult(
                percent,
                base.region().steadyState().savings(),
                base.region().horizon().savings(),
                input.assumptions().horizonYears(),
                rows);
    }

    private interface Variation {
        AnalysisInput apply(AnalysisInput input, BigDecimal factor);
    }

    private static SensitivityRow row(
            String driver,
            @Nullable String itemName,
            AnalysisInput input,
            BigDecimal low,
            BigDecimal high,
            Variation variation) {
        Function<BigDecimal, RegionResult> at =
                factor -> CostModel.compute(variation.apply(input, factor)).region();
        RegionResult lowResult = at.apply(low);
        RegionResult highResult = at.apply(high);
        return new SensitivityRow(
                driver,
                itemName,
                lowResult.steadyState().savings(),
                highResult.steadyState().savings(),
                lowResult.horizon().savings(),
                highResult.horizon().savings());
    }
}
