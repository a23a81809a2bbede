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
 * @param usageMonths the usage period of the split keys measured from operations (by alarms, handling minutes and
 *     devices): the last complete months counted, 12 by default; a page or request may choose another (1 to 60)
 */
@ConfigurationProperties("varde.economics")
public record EconomicsProperties(
        @Nullable BigDecimal referenceCostPerInhabitant,
        @Nullable BigDecimal salaryPerFte,
        @Nullable BigDecimal hoursPerFte,
        int horizonYears,
        int sensitivityPercent,
        int suppressBelow,
        int usageMonths) {

    public EconomicsProperties {
        referenceCostPerInhabitant = positiveOr(referenceCostPerInhabitant, "326");
        salaryPerFte = positiveOr(salaryPerFte, "805000");
        hoursPerFte = positiveOr(hoursPerFte, "1950");
        horizonYears = horizonYears <= 0 ? 4 : horizonYears;
        sensitivityPercent = sensitivityPercent <= 0 ? 20 : sensitivityPercent;
        suppressBelow = suppressBelow <= 0 ? 5 : suppressBelow;
        usageMonths = usageMonths <= 0 ? 12 : usageMonths;
    }

    private static BigDecimal positiveOr(@Nullable BigDecimal value, String fallback) {
        return value == null || value.signum() <= 0 ? new BigDecimal(fallback) : value;
    }
}
