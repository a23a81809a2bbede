package no.varde.planning;

import org.jspecify.annotations.Nullable;

/**
 * What the staffing plan is computed for.
 *
 * @param serviceLevel goal: share answered within the target, 0 < goal < 1
 * @param targetSeconds answer-time target
 * @param handlingSeconds mean operator time per alarm
 * @param shrinkage share of paid hours not on duty, 0 ≤ shrinkage < 1
 * @param patienceSeconds mean patience of callers: Erlang A when given, Erlang C when null
 * @param alarmsPerYear a volume to plan for instead of the measured one (null: measured, or the assumed default)
 * @param volumeFactor multiplies the volume (sensitivity: 0.8 and 1.2); 1 otherwise
 */
public record StaffingParameters(
        double serviceLevel,
        int targetSeconds,
        int handlingSeconds,
        double shrinkage,
        @Nullable Integer patienceSeconds,
        @Nullable Integer alarmsPerYear,
        double volumeFactor) {

    public StaffingParameters {
        if (!(serviceLevel > 0 && serviceLevel < 1) || targetSeconds < 0 || handlingSeconds <= 0) {
            throw new IllegalArgumentException("VARDE-PLAN-0003: service level goal, target or handling time invalid");
        }
        if (!(shrinkage >= 0 && shrinkage < 1) || !(volumeFactor >= 0)) {
            throw new IllegalArgumentException("VARDE-PLAN-0003: shrinkage must be 0 to below 1");
        }
    }

    public static StaffingParameters defaults(PlanningProperties properties) {
        return new StaffingParameters(
                properties.serviceLevel(),
                properties.targetSeconds(),
                properties.handlingSeconds(),
                properties.shrinkage(),
                null,
                null,
                1);
    }

    public StaffingParameters withVolumeFactor(double factor) {
        return new StaffingParameters(
                serviceLevel, targetSeconds, handlingSeconds, shrinkage, patienceSeconds, alarmsPerYear, factor);
    }
}
