package no.varde.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * The staffing the load and the rules require, per hour of the week and a year.
 *
 * @param volumeSource MEASURED (Varde's own alarms over {@code measuredWeeks}) or ASSUMED (the stated volume)
 * @param alarmsPerYear the yearly volume planned for
 * @param onDutyHoursPerYear operator hours on duty: hours of the week × 8 760 / 168
 * @param requiredFte on-duty hours ÷ (hours per FTE × (1 − shrinkage))
 * @param minimumFte what the minimum alone needs: minimum × 8 760 ÷ (hours per FTE × (1 − shrinkage))
 * @param workloadFte the handling work itself (offered traffic), the lower bound for a connected centre
 * @param coLocatedFte one own operator at least, the second from a co-located out-of-hours clinic when the load
 *     needs only one
 * @param annualCost required FTE × salary per FTE
 */
public record StaffingPlan(
        StaffingParameters parameters,
        int minimumOnDuty,
        String volumeSource,
        int measuredWeeks,
        long alarmsPerYear,
        List<HourPlan> hours,
        int hoursDecidedByMinimum,
        BigDecimal onDutyHoursPerYear,
        BigDecimal salaryPerFte,
        BigDecimal hoursPerFte,
        BigDecimal requiredFte,
        BigDecimal minimumFte,
        BigDecimal workloadFte,
        BigDecimal coLocatedFte,
        BigDecimal annualCost,
        List<ScenarioCheck> scenarios) {

    /**
     * Whether a scenario's staff can keep the minimum on duty around the clock.
     *
     * @param averageOnDuty operators its FTE keep on duty on average: FTE × hours per FTE × (1 − shrinkage) ÷ 8 760
     * @param meetsPlan its FTE cover the required FTE
     * @param missingFte FTE to add to meet the plan (0 when it does)
     */
    public record ScenarioCheck(
            String name,
            BigDecimal fte,
            BigDecimal annualStaffingCost,
            BigDecimal averageOnDuty,
            boolean keepsMinimum,
            boolean meetsPlan,
            BigDecimal missingFte) {}
}
