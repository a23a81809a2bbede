package no.varde.planning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import no.varde.planning.StaffingParameters;
import no.varde.planning.StaffingPlan;
import no.varde.planning.StaffingPlanner;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The staffing page: the week's heat map, FTE and cost, and the decision the numbers imply. */
@Controller
@RequestMapping("/planning")
@PreAuthorize(PlanningAccess.VIEW)
class PlanningPages {

    private final StaffingPlanner planner;
    private final PlanningApi api;

    PlanningPages(StaffingPlanner planner, PlanningApi api) {
        this.planner = planner;
        this.api = api;
    }

    @GetMapping("/staffing.pdf")
    org.springframework.http.ResponseEntity<byte[]> staffingPdf(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear,
            Locale locale) {
        return api.staffingPdf(
                serviceLevel, targetSeconds, handlingSeconds, shrinkage, patienceSeconds, alarmsPerYear, locale);
    }

    @GetMapping("/staffing.xlsx")
    org.springframework.http.ResponseEntity<byte[]> staffingXlsx(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear,
            Locale locale) {
        return api.staffingXlsx(
                serviceLevel, targetSeconds, handlingSeconds, shrinkage, patienceSeconds, alarmsPerYear, locale);
    }

    @ExceptionHandler({InvalidInputException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter() {
        return new ModelAndView("error-page").addObject("messageKey", "planning.error.badParameter");
    }

    @GetMapping
    String staffing(
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer targetSeconds,
            @RequestParam(required = false) @Nullable Integer handlingSeconds,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Integer patienceSeconds,
            @RequestParam(required = false) @Nullable Integer alarmsPerYear,
            Model model,
            Locale locale,
            jakarta.servlet.http.HttpServletRequest request) {
        // the export computes the same plan: the same parameters as this page's address
        model.addAttribute("query", request.getQueryString() == null ? "" : "?" + request.getQueryString());
        StaffingParameters parameters = PlanningInput.staffing(
                planner.properties(),
                serviceLevel,
                targetSeconds,
                handlingSeconds,
                shrinkage,
                patienceSeconds,
                alarmsPerYear);
        StaffingPlan plan = planner.plan(parameters);
        model.addAttribute("plan", plan);
        model.addAttribute("p", parameters);
        model.addAttribute("num", new Numbers(locale));
        model.addAttribute(
                "maxOperators",
                plan.hours().stream().mapToInt(h -> h.operators()).max().orElse(2));
        return "planning/staffing";
    }

    /** Numbers as the locale writes them (space as thousands separator in Norwegian). */
    public static final class Numbers {
        private final Locale locale;

        Numbers(Locale locale) {
            this.locale = locale;
        }

        public String of(@Nullable Object value, int decimals) {
            if (value == null) {
                return "–";
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format.format(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()));
        }

        public String percent(double fraction) {
            return of(BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP), 1) + " %";
        }
    }
}
