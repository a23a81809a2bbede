package no.varde.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import no.varde.planning.erlang.ErlangA;
import no.varde.planning.erlang.ErlangC;
import no.varde.planning.erlang.Load;
import no.varde.planning.erlang.QueueResult;

/** The staffing plan from alarms per hour of the week; pure, no database. */
public final class StaffingCalculator {

    static final int HOURS_PER_YEAR = 8_760;
    static final int HOURS_PER_WEEK = 168;
    /** Weeks in a year of 8 760 hours. */
    static final BigDecimal WEEKS_PER_YEAR =
            BigDecimal.valueOf(HOURS_PER_YEAR).divide(BigDecimal.valueOf(HOURS_PER_WEEK), 10, RoundingMode.HALF_UP);

    private StaffingCalculator() {}

    /**
     * @param callsPerHour expected alarms in each of the 168 hours of the week (Monday 00 first)
     * @param minimumOnDuty never fewer operators than this
     */
    public static Result compute(double[] callsPerHour, StaffingParameters p, int minimumOnDuty) {
        List<HourPlan> hours = new ArrayList<>(HOURS_PER_WEEK);
        long onDuty = 0;
        long coLocated = 0;
        double traffic = 0;
        int byMinimum = 0;
        java.util.Map<Double, QueueResult[]> known = new java.util.HashMap<>();
        for (int slot = 0; slot < HOURS_PER_WEEK; slot++) {
            double calls = callsPerHour[slot] * p.volumeFactor();
            Load load = new Load(calls, 3600, p.handlingSeconds(), p.targetSeconds());
            QueueResult[] pair = known.computeIfAbsent(calls, c -> needAndAchieve(load, p, minimumOnDuty));
            QueueResult needed = pair[0];
            QueueResult achieved = pair[1];
            int operators = achieved.agents();
            boolean minimum = needed.agents() < minimumOnDuty;
            byMinimum += minimum ? 1 : 0;
            onDuty += operators;
            coLocated += Math.max(1, needed.agents());
            traffic += load.traffic();
            hours.add(new HourPlan(
                    slot / 24 + 1,
                    slot % 24,
                    round(calls, 2),
                    needed.agents(),
                    operators,
                    round(achieved.serviceLevel(), 3),
                    minimum));
        }
        return new Result(hours, onDuty, coLocated, traffic, byMinimum);
    }

    private static QueueResult[] needAndAchieve(Load load, StaffingParameters p, int minimumOnDuty) {
        QueueResult needed = p.patienceSeconds() == null
                ? ErlangC.staff(load, p.serviceLevel())
                : ErlangA.staff(load, p.patienceSeconds(), p.serviceLevel());
        int operators = Math.max(minimumOnDuty, needed.agents());
        QueueResult achieved = p.patienceSeconds() == null
                ? ErlangC.evaluate(load, operators)
                : ErlangA.evaluate(load, p.patienceSeconds(), operators);
        return new QueueResult[] {needed, achieved};
    }

    /** FTE for operator hours on duty per week. */
    public static BigDecimal fte(double hoursPerWeek, BigDecimal hoursPerFte, double shrinkage) {
        BigDecimal yearly = BigDecimal.valueOf(hoursPerWeek).multiply(WEEKS_PER_YEAR);
        BigDecimal net = hoursPerFte.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(shrinkage)));
        return yearly.divide(net, 2, RoundingMode.HALF_UP);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * @param onDutyHoursPerWeek operator hours on duty in the week
     * @param coLocatedHoursPerWeek own operator hours when a co-located clinic provides the second person
     * @param trafficHoursPerWeek the handling work itself, in hours
     */
    public record Result(
            List<HourPlan> hours,
            long onDutyHoursPerWeek,
            long coLocatedHoursPerWeek,
            double trafficHoursPerWeek,
            int hoursDecidedByMinimum) {}
}
