package no.varde.planning;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the staffing plan; every one can be changed per view or API call.
 *
 * @param serviceLevel share of alarms answered within the target (0.95)
 * @param targetSeconds answer-time target (60 s, the response centre's promise)
 * @param handlingSeconds mean operator time per alarm, talk and documentation (300 s, an assumption)
 * @param shrinkage share of paid hours not on duty: holidays, sickness, training (0.15)
 * @param minimumOnDuty operators never fewer on duty (2, Helsedirektoratet: one alone is not professionally sound)
 * @param assumedAlarmsPerYear region volume used when Varde has too few alarms of its own (40 000, an assumption)
 * @param historyWeeks weeks of Varde's own alarms the arrival rates are measured over (8)
 * @param minimumAlarmsForHistory fewer alarms than this in the history and the assumed volume is used (100)
 * @param zone the zone of the hours of the week (Europe/Oslo)
 */
@ConfigurationProperties("varde.planning")
public record PlanningProperties(
        @Nullable Double serviceLevel,
        @Nullable Integer targetSeconds,
        @Nullable Integer handlingSeconds,
        @Nullable Double shrinkage,
        @Nullable Integer minimumOnDuty,
        @Nullable Integer assumedAlarmsPerYear,
        @Nullable Integer historyWeeks,
        @Nullable Integer minimumAlarmsForHistory,
        @Nullable String zone) {

    public PlanningProperties {
        serviceLevel = serviceLevel == null ? 0.95 : serviceLevel;
        targetSeconds = targetSeconds == null ? 60 : targetSeconds;
        handlingSeconds = handlingSeconds == null ? 300 : handlingSeconds;
        shrinkage = shrinkage == null ? 0.15 : shrinkage;
        minimumOnDuty = minimumOnDuty == null || minimumOnDuty < 2 ? 2 : minimumOnDuty;
        assumedAlarmsPerYear = assumedAlarmsPerYear == null ? 40_000 : assumedAlarmsPerYear;
        historyWeeks = historyWeeks == null ? 8 : historyWeeks;
        minimumAlarmsForHistory = minimumAlarmsForHistory == null ? 100 : minimumAlarmsForHistory;
        zone = zone == null ? "Europe/Oslo" : zone;
    }

    public static PlanningProperties defaults() {
        return new PlanningProperties(null, null, null, null, null, null, null, null, null);
    }
}
