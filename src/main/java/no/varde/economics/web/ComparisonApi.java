package no.varde.economics.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** All scenarios side by side as JSON (the comparison page and its XLSX read the same). */
@RestController
@PreAuthorize(EconomicsAccess.VIEW)
class ComparisonApi {

    private final Analyses analyses;
    private final ScenarioCatalogue scenarios;

    ComparisonApi(Analyses analyses, ScenarioCatalogue scenarios) {
        this.analyses = analyses;
        this.scenarios = scenarios;
    }

    /** One compared figure: its message key and its value per scenario (money in NOK, FTE, percent or year). */
    record Line(String key, List<@Nullable BigDecimal> values) {}

    record ComparisonJson(int horizonYears, List<String> scenarios, List<Line> lines) {}

    @GetMapping("/api/v1/economics/comparison")
    @Operation(
            summary = "All scenarios side by side: as-is, to-be and savings (first year, steady state, horizon), FTE")
    ComparisonJson json(@RequestParam(required = false) @Nullable Integer years) {
        List<ScenarioResult> results = new ArrayList<>();
        scenarios.all().forEach(s -> results.add(analyses.result(s.id(), years)));
        int horizon = results.isEmpty() ? 4 : results.getFirst().assumptions().horizonYears();
        List<Line> lines = List.of(
                line(
                        "economics.compare.asIs",
                        results,
                        r -> r.region().steadyState().asIs().amount()),
                line(
                        "economics.compare.firstYear",
                        results,
                        r -> r.region().firstYear().toBe().amount()),
                line(
                        "economics.compare.steady",
                        results,
                        r -> r.region().steadyState().toBe().amount()),
                line(
                        "economics.compare.savingsFirstYear",
                        results,
                        r -> r.region().firstYear().savings().amount()),
                line(
                        "economics.compare.savingsSteady",
                        results,
                        r -> r.region().steadyState().savings().amount()),
                line(
                        "economics.compare.savingsPercent",
                        results,
                        r -> r.region().steadyState().savingsPercent()),
                line(
                        "economics.compare.savingsHorizon",
                        results,
                        r -> r.region().horizon().savings().amount()),
                line(
                        "economics.compare.toBePerInhabitant",
                        results,
                        r -> r.region().steadyState().toBePerInhabitant().amount()),
                line(
                        "economics.compare.fte",
                        results,
                        r -> r.region().staffing().toBeFte()),
                line(
                        "economics.compare.payback",
                        results,
                        r -> r.paybackYear() == null ? null : BigDecimal.valueOf(r.paybackYear())));
        return new ComparisonJson(
                horizon, results.stream().map(r -> r.scenario().name()).toList(), lines);
    }

    private static Line line(
            String key, List<ScenarioResult> results, Function<ScenarioResult, @Nullable BigDecimal> value) {
        List<@Nullable BigDecimal> values = new ArrayList<>();
        results.forEach(r -> values.add(value.apply(r)));
        return new Line(key, values);
    }
}
