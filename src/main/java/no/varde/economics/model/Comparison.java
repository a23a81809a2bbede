package no.varde.economics.model;

import java.math.BigDecimal;

/** As-is against to-be for one period (first year, steady-state year or the horizon) and one population. */
public record Comparison(
        Nok asIs, Nok toBe, Nok savings, BigDecimal savingsPercent, Nok asIsPerInhabitant, Nok toBePerInhabitant) {

    public static Comparison of(Nok asIs, Nok toBe, long population) {
        Nok savings = asIs.minus(toBe);
        BigDecimal inhabitants = BigDecimal.valueOf(population);
        return new Comparison(
                asIs, toBe, savings, savings.percentOf(asIs), asIs.dividedBy(inhabitants), toBe.dividedBy(inhabitants));
    }

    /** True when the to-be cost is higher than today's. */
    public boolean paysMore() {
        return toBe.isGreaterThan(asIs);
    }
}
