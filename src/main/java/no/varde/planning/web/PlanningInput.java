package no.varde.planning.web;

import java.util.ArrayList;
import java.util.List;
import no.varde.planning.PlanningProperties;
import no.varde.planning.StaffingParameters;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks every parameter of a planning request and names each bad one; nothing reaches the model unchecked. */
final class PlanningInput {

    private final List<FieldProblem> problems = new ArrayList<>();

    double fraction(String field, @Nullable Double value, @Nullable Double fallback) {
        Double v = value == null ? fallback : value;
        if (v == null) {
            problems.add(new FieldProblem(field, "is required"));
            return 0.5;
        }
        if (!(v > 0 && v < 1)) {
            problems.add(new FieldProblem(field, "must be a fraction above 0 and below 1, e.g. 0.8"));
            return 0.5;
        }
        return v;
    }

    double shrinkage(String field, @Nullable Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < 0.9)) {
            problems.add(new FieldProblem(field, "must be a fraction from 0 to below 0.9"));
            return 0;
        }
        return v;
    }

    int whole(String field, @Nullable Integer value, @Nullable Integer fallback, int min, int max) {
        Integer v = value == null ? fallback : value;
        if (v == null) {
            problems.add(new FieldProblem(field, "is required"));
            return min;
        }
        if (v < min || v > max) {
            problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
            return min;
        }
        return v;
    }

    @Nullable
    Integer optional(String field, @Nullable Integer value, int min, int max) {
        return value == null ? null : whole(field, value, null, min, max);
    }

    void check(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-PLAN-0010: the request has invalid parameters", problems);
        }
    }

    /** The staffing-plan parameters, with the configured defaults for those not given. */
    static StaffingParameters staffing(
            PlanningProperties defaults,
            @Nullable Double serviceLevel,
            @Nullable Integer targetSeconds,
            @Nullable Integer handlingSeconds,
            @Nullable Double shrinkage,
            @Nullable Integer patienceSeconds,
            @Nullable Integer alarmsPerYear) {
        PlanningInput input = new PlanningInput();
        StaffingParameters parameters = new StaffingParameters(
                input.fraction("serviceLevel", serviceLevel, defaults.serviceLevel()),
                input.whole("targetSeconds", targetSeconds, defaults.targetSeconds(), 0, 3600),
                input.whole("handlingSeconds", handlingSeconds, defaults.handlingSeconds(), 1, 7200),
                input.shrinkage("shrinkage", shrinkage, defaults.shrinkage()),
                input.optional("patienceSeconds", patienceSeconds, 10, 3600),
                input.optional("alarmsPerYear", alarmsPerYear, 0, 2_000_000),
                1);
        input.check(
                patienceSeconds == null || targetSeconds == null || targetSeconds <= 600,
                "targetSeconds",
                "must be at most 600 with Erlang A (patienceSeconds)");
        input.throwIfInvalid();
        return parameters;
    }
}
