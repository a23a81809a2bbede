package no.varde.economics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import no.varde.economics.SplitDriver;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.NotFoundException;

/**
 * One municipality's page for a council decision: what the cooperation costs it (its share of each item, and what
 * that share rests on), what it saves against today, and its key figures beside the region's.
 *
 * @param shares its share of each cost item, in the scenario's order
 * @param basis its figure and the region's for every driver the scenario splits by (flat excepted)
 */
public record MunicipalitySummary(
        DecisionReport report, MunicipalityResult municipality, List<ItemShare> shares, List<BasisShare> basis) {

    /** Its share of one item, in kroner and as a percentage of the item. */
    public record ItemShare(CostItem item, Nok share, BigDecimal percentOfItem) {}

    /** Its figure for one split driver, the region's total, and its percentage. */
    public record BasisShare(
            SplitDriver driver, long value, long regionTotal, BigDecimal percent, boolean suppressed) {}

    public MunicipalitySummary {
        shares = List.copyOf(shares);
        basis = List.copyOf(basis);
    }

    public static MunicipalitySummary of(DecisionReport report, Kommunenummer kommunenummer) {
        MunicipalityResult m = report.result().municipalities().stream()
                .filter(candidate -> candidate.kommunenummer().equals(kommunenummer))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer.value()));
        List<CostItem> items = report.result().scenario().items();
        List<ItemShare> shares = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Nok share = m.itemShares().get(i);
            shares.add(new ItemShare(
                    items.get(i),
                    share,
                    percent(share.amount(), items.get(i).amount().amount())));
        }
        List<BasisShare> basis = new ArrayList<>();
        for (SplitDriver driver : SplitDriver.values()) {
            boolean used = items.stream()
                    .anyMatch(item -> item.splitKey().parts().stream().anyMatch(p -> p.driver() == driver));
            if (driver == SplitDriver.FLAT || !used) {
                continue;
            }
            long value = report.basis().valueOf(driver, kommunenummer);
            long total = report.basis().municipalities().stream()
                    .mapToLong(k -> report.basis().valueOf(driver, k))
                    .sum();
            basis.add(new BasisShare(
                    driver,
                    value,
                    total,
                    percent(BigDecimal.valueOf(value), BigDecimal.valueOf(total)),
                    report.suppressed(driver, value)));
        }
        return new MunicipalitySummary(report, m, shares, basis);
    }

    public SurveyAnswer answer() {
        return report.answers()
                .getOrDefault(municipality.kommunenummer(), SurveyAnswer.unanswered(municipality.kommunenummer()));
    }

    /** Its share of the flat parts: one municipality of the region. */
    public int municipalitiesInRegion() {
        return report.result().municipalities().size();
    }

    /** Its percentage of a flat part: an equal share of the region's municipalities. */
    public BigDecimal flatPercent() {
        return percent(BigDecimal.ONE, BigDecimal.valueOf(municipalitiesInRegion()));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
