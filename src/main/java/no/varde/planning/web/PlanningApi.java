package no.varde.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.varde.planning.StaffingPlan;
import no.varde.planning.StaffingPlanner;
import no.varde.planning.erlang.ErlangC;
import no.varde.planning.erlang.Load;
import no.varde.planning.erlang.QueueResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staffing as JSON: the pure Erlang C calculator and the staffing plan of the week. */
@RestController
@RequestMapping("/api/v1/planning")
@PreAuthorize(PlanningAccess.VIEW)
@Tag(name = "Planning", description = "Erlang C staffing and the response centre's staffing plan")
class PlanningApi {

    private final StaffingPlanner planner;
    private final StaffingExports exports;

    PlanningApi(StaffingPlanner planner, StaffingExports exports) {
        this.planner = planner;
        this.exports = exports;
    }

    @GetMapping(path = "/staffing/export.xlsx", produces = StaffingExports.XLSX)
    @Operation(
            summary = "The staffing plan as XLSX: named assumptions, the week per hour, FTE and cost as formulas",
            description = "Same parameters as /staffing. Operators on duty, the week's and the year's hours, FTE, cost"
                    + " and each scenario's check are formulas over the named assumptions; header rows frozen.")
    org.springframework.http.ResponseEntity<byte[]> staffingXlsx(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear,
            java.util.Locale locale) {
        StaffingPlan plan =
                staffing(serviceLevel, targetSeconds, handlingSeconds, shrinkage, patienceSeconds, alarmsPerYear);
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bemanningsplan.xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(StaffingExports.XLSX))
                .body(exports.xlsx(plan, locale));
    }

    @GetMapping(path = "/staffing/report.pdf", produces = "application/pdf")
    @Operation(
            summary = "The staffing plan as PDF: the decision the numbers imply, the figures, the week, the"
                    + " assumptions (Oslo time, embedded font)",
            description = "Same parameters as /staffing.")
    org.springframework.http.ResponseEntity<byte[]> staffingPdf(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear,
            java.util.Locale locale) {
        StaffingPlan plan =
                staffing(serviceLevel, targetSeconds, handlingSeconds, shrinkage, patienceSeconds, alarmsPerYear);
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bemanningsplan.pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(exports.pdf(
                        plan, locale, no.varde.shared.security.CurrentUser.get().displayName()));
    }

    @GetMapping("/erlang-c")
    @Operation(
            summary = "Erlang C: the fewest agents that answer the share serviceLevel of calls within targetSeconds",
            description = "Pure Erlang C (no minimum staffing, no shrinkage, no abandonment). Fractions are rounded"
                    + " to 3 decimals, seconds to 1.")
    ErlangCJson erlangC(
            @RequestParam(required = false) @Nullable Double calls,
            @RequestParam(required = false) @Nullable Integer intervalMinutes,
            @RequestParam(required = false) @Nullable Double handlingSeconds,
            @RequestParam(required = false) @Nullable Double targetSeconds,
            @RequestParam(required = false) @Nullable Double serviceLevel) {
        PlanningInput input = new PlanningInput();
        input.check(calls != null, "calls", "is required");
        input.check(calls == null || (calls >= 0 && calls <= 1_000_000), "calls", "must be from 0 to 1000000");
        int interval = input.whole("intervalMinutes", intervalMinutes, null, 1, 1440);
        input.check(handlingSeconds != null, "handlingSeconds", "is required");
        input.check(
                handlingSeconds == null || (handlingSeconds >= 1 && handlingSeconds <= 86_400),
                "handlingSeconds",
                "must be from 1 to 86400");
        input.check(targetSeconds != null, "targetSeconds", "is required");
        input.check(
                targetSeconds == null || (targetSeconds >= 0 && targetSeconds <= 86_400),
                "targetSeconds",
                "must be from 0 to 86400");
        double goal = input.fraction("serviceLevel", serviceLevel, null);
        input.throwIfInvalid();
        Load load = new Load(calls, interval * 60.0, handlingSeconds, targetSeconds);
        input.check(
                load.traffic() <= ErlangC.MAX_TRAFFIC,
                "calls",
                "the offered traffic (calls × handling time ÷ interval) must not exceed " + (int) ErlangC.MAX_TRAFFIC
                        + " Erlang");
        input.throwIfInvalid();
        QueueResult result = ErlangC.staff(load, goal);
        return new ErlangCJson(
                result.agents(),
                round(result.serviceLevel(), 3),
                round(result.probabilityOfWaiting(), 3),
                round(result.averageSpeedOfAnswerSeconds(), 1),
                round(result.occupancy(), 3),
                round(load.traffic(), 3));
    }

    @GetMapping("/staffing")
    @Operation(
            summary = "The staffing plan per hour of the week (Europe/Oslo), with the minimum of two on duty",
            description = "Arrivals from Varde's own alarms (or alarmsPerYear / the assumed volume); Erlang C, or"
                    + " Erlang A when patienceSeconds is given; FTE after shrinkage; cost at the economics' salary;"
                    + " and whether each economics scenario's staff meets it.")
    StaffingPlan staffing(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear) {
        return planner.plan(PlanningInput.staffing(
                planner.properties(),
                serviceLevel,
                targetSeconds,
                handlingSeconds,
                shrinkage,
                patienceSeconds,
                alarmsPerYear));
    }

    static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    record ErlangCJson(
            int agents,
            double serviceLevel,
            double probabilityOfWaiting,
            double averageSpeedOfAnswerSeconds,
            double occupancy,
            double trafficErlangs) {}
}
