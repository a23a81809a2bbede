package no.varde.economics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * The regional cost model. As-is: each municipality's reported costs plus its manual follow-up hours at the
 * salary per FTE, or the reference cost per inhabitant if it did not answer. To-be: its exact share of every
 * cost item plus the cost of the manual hours that remain. One-off items count in the first year only.
 */
public final class CostModel {

    private CostModel() {}

    public static ScenarioResult compute(AnalysisInput unresolved) {
        AnalysisInput input = unresolved.resolved();
        Assumptions assumptions = input.assumptions();
        Scenario scenario = input.scenario();
        List<CostItem> items = scenario.items();
        List<Map<Kommunenummer, Nok>> itemShares = items.stream()
                .map(item -> CostSplitter.split(item.amount(), item.splitKey(), input.basis()))
                .toList();
        List<Map<Kommunenummer, BigDecimal>> itemWeights = items.stream()
                .map(item -> CostSplitter.weights(item.splitKey(), input.basis()))
                .toList();

        List<MunicipalityResult> municipalities = new ArrayList<>();
        for (Municipality municipality : input.region()) {
            municipalities.add(municipality(input, municipality, itemShares, itemWeights));
        }
        RegionResult region = region(input, municipalities);
        List<YearResult> years = years(region, assumptions.horizonYears());
        List<Kommunenummer> estimated = municipalities.stream()
                .filter(MunicipalityResult::estimated)
                .map(MunicipalityResult::kommunenummer)
                .toList();
        return new ScenarioResult(
                scenario,
                assumptions,
                region,
                municipalities,
                years,
                paybackYear(years),
                estimated,
                input.basis().notes());
    }

    private static MunicipalityResult municipality(
            AnalysisInput input,
            Municipality municipality,
            List<Map<Kommunenummer, Nok>> itemShares,
            List<Map<Kommunenummer, BigDecimal>> itemWeights) {
        Assumptions assumptions = input.assumptions();
        Scenario scenario = input.scenario();
        Kommunenummer k = municipality.kommunenummer();
        AsIsCosts costs = input.answerOf(k).costs();
        boolean estimated = costs == null;
        Nok direct =
                estimated ? assumptions.referenceCostPerInhabitant().times(municipality.population()) : costs.direct();
        BigDecimal hours = estimated ? BigDecimal.ZERO : costs.manualFollowUpHours();
        Nok hoursCost = assumptions.costOfHours(hours);

        List<Nok> shares = new ArrayList<>();
        Nok annual = Nok.ZERO;
        Nok oneOff = Nok.ZERO;
        BigDecimal staffHours = BigDecimal.ZERO;
        for (int i = 0; i < scenario.items().size(); i++) {
            CostItem item = scenario.items().get(i);
            Nok share = itemShares.get(i).getOrDefault(k, Nok.ZERO);
            shares.add(share);
            if (item.isAnnual()) {
                annual = annual.plus(share);
                staffHours = staffHours.add(item.fte()
                        .multiply(assumptions.hoursPerFte())
                        .multiply(itemWeights.get(i).getOrDefault(k, BigDecimal.ZERO)));
            } else {
                oneOff = oneOff.plus(share);
            }
        }
        BigDecimal remainingHours =
                hours.multiply(scenario.remainingManualFactor()).setScale(2, RoundingMode.HALF_UP);
        Nok remainingCost = assumptions.costOfHours(remainingHours);
        Nok steady = annual.plus(remainingCost);
        Nok asIs = direct.plus(hoursCost);
        BigDecimal toBeHours = remainingHours.add(staffHours).setScale(2, RoundingMode.HALF_UP);
        int population = municipality.population();
        int years = assumptions.horizonYears();
        return new MunicipalityResult(
                k,
                municipality.name(),
                population,
                estimated,
                direct,
                hoursCost,
                shares,
                steady,
                oneOff,
                remainingCost,
                Comparison.of(asIs, steady.plus(oneOff), population),
                Comparison.of(asIs, steady, population),
                Comparison.of(asIs.times(years), steady.times(years).plus(oneOff), population),
                new Staffing(
                        hours.setScale(2, RoundingMode.HALF_UP),
                        toBeHours,
                        assumptions.fteOf(hours),
                        assumptions.fteOf(toBeHours)));
    }

    private static RegionResult region(AnalysisInput input, List<MunicipalityResult> municipalities) {
        Assumptions assumptions = input.assumptions();
        Scenario scenario = input.scenario();
        int population =
                municipalities.stream().mapToInt(MunicipalityResult::population).sum();
        Nok direct = sum(municipalities, MunicipalityResult::asIsDirect);
        Nok hoursCost = sum(municipalities, MunicipalityResult::asIsHoursCost);
        Nok annual = sum(municipalities, MunicipalityResult::toBeAnnual);
        Nok oneOff = sum(municipalities, MunicipalityResult::toBeOneOff);
        Nok remainingCost = sum(municipalities, MunicipalityResult::remainingHoursCost);
        if (municipalities.isEmpty()) {
            annual = scenario.annualTotal();
            oneOff = scenario.oneOffTotal();
        }
        BigDecimal asIsHours =
                municipalities.stream().map(m -> m.staffing().asIsHours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remainingHours = asIsHours.multiply(scenario.remainingManualFactor());
        BigDecimal toBeHours = remainingHours
                .add(scenario.staffedFte().multiply(assumptions.hoursPerFte()))
                .setScale(2, RoundingMode.HALF_UP);
        Nok asIs = direct.plus(hoursCost);
        int years = assumptions.horizonYears();
        return new RegionResult(
                population,
                direct,
                hoursCost,
                annual,
                oneOff,
                remainingCost,
                Comparison.of(asIs, annual.plus(oneOff), population),
                Comparison.of(asIs, annual, population),
                Comparison.of(asIs.times(years), annual.times(years).plus(oneOff), population),
                new Staffing(asIsHours, toBeHours, assumptions.fteOf(asIsHours), assumptions.fteOf(toBeHours)),
                municipalities.stream()
                        .filter(m -> m.steadyState().paysMore())
                        .map(MunicipalityResult::kommunenummer)
                        .toList(),
                municipalities.stream()
                        .filter(m -> m.firstYear().paysMore())
                        .map(MunicipalityResult::kommunenummer)
                        .toList());
    }

    private static List<YearResult> years(RegionResult region, int horizon) {
        List<YearResult> years = new ArrayList<>();
        Nok cumulative = Nok.ZERO;
        Nok asIs = region.asIsTotal();
        for (int year = 1; year <= horizon; year++) {
            Nok toBe = year == 1 ? region.toBeAnnual().plus(region.toBeOneOff()) : region.toBeAnnual();
            Nok savings = asIs.minus(toBe);
            cumulative = cumulative.plus(savings);
            years.add(new YearResult(year, asIs, toBe, savings, cumulative));
        }
        return years;
    }

    private static @Nullable Integer paybackYear(List<YearResult> years) {
        return years.stream()
                .filter(year -> !year.cumulativeSavings().isNegative())
                .map(YearResult::year)
                .findFirst()
                .orElse(null);
    }

    private static Nok sum(List<MunicipalityResult> results, java.util.function.Function<MunicipalityResult, Nok> f) {
        return results.stream().map(f).reduce(Nok.ZERO, Nok::plus);
    }
}
