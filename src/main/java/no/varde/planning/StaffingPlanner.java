package no.varde.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import no.varde.alarm.AlarmFacts;
import no.varde.economics.EconomicsFigures;
import org.springframework.stereotype.Service;

/**
 * Plans the response centre's staffing: arrival rates per hour of the week from Varde's own alarms (the last
 * weeks, in Europe/Oslo local time) or, when there are too few, from the assumed yearly volume spread over a
 * typical day; then Erlang C (or A) per hour, the minimum on duty, FTE and cost at the economics' salary.
 */
@Service
public class StaffingPlanner {

    /** A typical day of a safety-alarm service: quiet at night, busiest in the morning and evening. */
    static final double[] ASSUMED_DAY = {
        0.6, 0.5, 0.45, 0.4, 0.4, 0.5, 0.8, 1.1, 1.3, 1.3, 1.25, 1.2, 1.2, 1.2, 1.2, 1.2, 1.25, 1.3, 1.35, 1.35, 1.3,
        1.2, 1.0, 0.8
    };

    private final AlarmFacts alarms;
    private final EconomicsFigures economics;
    private final PlanningProperties properties;
    private final Clock clock;

    StaffingPlanner(AlarmFacts alarms, EconomicsFigures economics, PlanningProperties properties, Clock clock) {
        this.alarms = alarms;
        this.economics = economics;
        this.properties = properties;
        this.clock = clock;
    }

    public PlanningProperties properties() {
        return properties;
    }

    public StaffingPlan plan(StaffingParameters parameters) {
        Volume volume = volume(parameters);
        StaffingCalculator.Result result =
                StaffingCalculator.compute(volume.callsPerHour(), parameters, properties.minimumOnDuty());
        EconomicsFigures.FteCost cost = economics.fteCost();
        double shrinkage = parameters.shrinkage();
        BigDecimal required = StaffingCalculator.fte(result.onDutyHoursPerWeek(), cost.hoursPerFte(), shrinkage);
        BigDecimal minimum = StaffingCalculator.fte(
                properties.minimumOnDuty() * StaffingCalculator.HOURS_PER_WEEK, cost.hoursPerFte(), shrinkage);
        BigDecimal netHoursPerFte = cost.hoursPerFte().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(shrinkage)));
        List<StaffingPlan.ScenarioCheck> checks = economics.scenarioStaffing().stream()
                .map(s -> {
                    BigDecimal average = s.fte()
                            .multiply(netHoursPerFte)
                            .divide(BigDecimal.valueOf(StaffingCalculator.HOURS_PER_YEAR), 2, RoundingMode.HALF_UP);
                    BigDecimal missing = required.subtract(s.fte()).max(BigDecimal.ZERO);
                    return new StaffingPlan.ScenarioCheck(
                            s.name(),
                            s.fte(),
                            s.annualStaffingCost(),
                            average,
                            s.fte().compareTo(minimum) >= 0,
                            missing.signum() == 0,
                            missing);
                })
                .toList();
        return new StaffingPlan(
                parameters,
                properties.minimumOnDuty(),
                volume.source(),
                volume.weeks(),
                volume.alarmsPerYear(),
                result.hours(),
                result.hoursDecidedByMinimum(),
                BigDecimal.valueOf(result.onDutyHoursPerWeek())
                        .multiply(StaffingCalculator.WEEKS_PER_YEAR)
                        .setScale(0, RoundingMode.HALF_UP),
                cost.salaryPerFte(),
                cost.hoursPerFte(),
                required,
                minimum,
                StaffingCalculator.fte(result.trafficHoursPerWeek(), cost.hoursPerFte(), shrinkage),
                StaffingCalculator.fte(result.coLocatedHoursPerWeek(), cost.hoursPerFte(), shrinkage),
                required.multiply(cost.salaryPerFte()).setScale(2, RoundingMode.HALF_UP),
                checks);
    }

    /** The FTE the plan needs: what drives a scenario's staffing item in the economics. */
    public BigDecimal requiredFte(StaffingParameters parameters) {
        return plan(parameters).requiredFte();
    }

    private Volume volume(StaffingParameters parameters) {
        if (parameters.alarmsPerYear() == null) {
            int weeks = properties.historyWeeks();
            Instant to = clock.instant();
            Instant from = to.minus(Duration.ofDays(7L * weeks));
            long[] counts = alarms.alarmsByHourOfWeek(from, to, ZoneId.of(properties.zone()));
            long total = Arrays.stream(counts).sum();
            if (total >= properties.minimumAlarmsForHistory()) {
                double[] perHour = Arrays.stream(counts)
                        .mapToDouble(n -> (double) n / weeks)
                        .toArray();
                long perYear = BigDecimal.valueOf(total)
                        .multiply(StaffingCalculator.WEEKS_PER_YEAR)
                        .divide(BigDecimal.valueOf(weeks), 0, RoundingMode.HALF_UP)
                        .longValue();
                return new Volume(perHour, "MEASURED", weeks, perYear);
            }
        }
        int perYear =
                parameters.alarmsPerYear() != null ? parameters.alarmsPerYear() : properties.assumedAlarmsPerYear();
        return new Volume(assumedWeek(perYear), "ASSUMED", 0, perYear);
    }

    /** A yearly volume spread over the hours of the week by the typical day (the same every day). */
    static double[] assumedWeek(long alarmsPerYear) {
        double dayWeight = Arrays.stream(ASSUMED_DAY).sum();
        double perWeek = alarmsPerYear / StaffingCalculator.WEEKS_PER_YEAR.doubleValue();
        double[] week = new double[StaffingCalculator.HOURS_PER_WEEK];
        for (int slot = 0; slot < week.length; slot++) {
            week[slot] = perWeek / 7 * ASSUMED_DAY[slot % 24] / dayWeight;
        }
        return week;
    }

    record Volume(double[] callsPerHour, String source, int weeks, long alarmsPerYear) {}
}
