package no.varde.economics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the regional cost model, used until an analyst saves the region's own assumptions.
 *
 * @param referenceCostPerInhabitant yearly cost per inhabitant (NOK) that estimates a municipality without an
 *     answer to the survey; the source analysis uses 326 NOK
 * @param salaryPerFte yearly cost of one full-time equivalent incl. social costs (NOK)
 * @param hoursPerFte working hours of one full-time equivalent a year
 * @param horizonYears years the totals cover; the 4-year økonomiplan by default
 * @param sensitivityPercent how far each driver is moved up and down in the sensitivity analysis
 * @param suppressBelow counts measured from operations (devices, alarms, handling minutes) from 1 to below this are
 *     not printed in the exports' split basis (5, as the benefits' facts: a small count can point at a person)
 */
@ConfigurationProperties("varde.economics")
public record EconomicsProperties(
        @Nullable BigDecimal referenceCostPerInhabitant,
        @Nullable BigDecimal salaryPerFte,
        @Nullable BigDecimal hoursPerFte,
        int horizonYears,
        int sensitivityPercent,
        int suppressBelow) {

    public EconomicsProperties {
        referenceCostPerInhabitant = positiveOr(referenceCostPerInhabitant, "326");
        salaryPerFte = positiveOr(salaryPerFte, "805000");
        hoursPerFte = positiveOr(hoursPerFte, "1950");
        horizonYears = horizonYears <= 0 ? 4 : horizonYears;
        sensitivityPercent = sensitivityPercent <= 0 ? 20 : sensitivityPercent;
        suppressBelow = suppressBelow <= 0 ? 5 : suppressBelow;
    }

    private static BigDecimal positiveOr(@Nullable BigDecimal value, String fallback) {
        return value == null || value.signum() <= 0 ? new BigDecimal(fallback) : value;
    }
}
