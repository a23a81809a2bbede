package no.varde.benefits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.measures.Measure;
import no.varde.benefits.measures.Portfolio;
import no.varde.benefits.measures.Stage;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The measures portfolio page: per municipality or region, flags, stage changes and a form for a new measure. */
@Controller
@RequestMapping("/benefits/measures")
@PreAuthorize(BenefitsAccess.VIEW)
class MeasuresPages {

    private final Portfolio portfolio;
    private final MeasuresApi api;
    private final BenefitPlan plan;
    private final Municipalities municipalities;
    private final PortfolioExports exports;

    MeasuresPages(
            Portfolio portfolio,
            MeasuresApi api,
            BenefitPlan plan,
            Municipalities municipalities,
            PortfolioExports exports) {
        this.portfolio = portfolio;
        this.api = api;
        this.plan = plan;
        this.municipalities = municipalities;
        this.exports = exports;
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter() {
        return new ModelAndView("error-page").addObject("messageKey", "benefits.error.badParameter");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String kommunenummer, Model model) {
        String scope = api.scope(kommunenummer);
        List<Measure> measures = portfolio.of(scope);
        List<Integer> years = exports.years();
        Map<Integer, java.math.BigDecimal> totals = new LinkedHashMap<>();
        for (Integer year : years) {
            totals.put(
                    year,
                    measures.stream()
                            .map(m -> m.costIn(year))
                            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        }
        model.addAttribute("measures", measures);
        model.addAttribute("years", years);
        model.addAttribute("totals", totals);
        model.addAttribute("kommunenummer", scope);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("names", municipalities.namesByNumber());
        model.addAttribute("indicators", plan.indicators());
        model.addAttribute("stages", Stage.values());
        model.addAttribute(
                "canEdit", CurrentUser.find().map(BenefitsAccess::canEdit).orElse(false));
        return "benefits/measures";
    }

    @PostMapping
    @PreAuthorize(BenefitsAccess.EDIT)
    String create(
            @RequestParam(required = false) @Nullable String need,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable List<String> municipalities,
            @RequestParam(required = false) @Nullable List<String> indicators,
            @RequestParam Map<String, String> all,
            RedirectAttributes redirect) {
        Map<String, String> costs = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (key.startsWith("cost.") && !value.isBlank()) {
                costs.put(key.substring(5), value);
            }
        });
        List<MeasureInput.InvolvementRequest> involvement = new ArrayList<>();
        if (!all.getOrDefault("involvementDescription", "").isBlank()) {
            involvement.add(new MeasureInput.InvolvementRequest(
                    all.get("involvementParty"), all.get("involvementDescription"), all.get("involvementDate")));
        }
        try {
            api.create(new MeasureInput.MeasureRequest(
                    need, name, owner, municipalities, costs, indicators, "", involvement));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/benefits/measures";
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize(BenefitsAccess.EDIT)
    String stage(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String stage,
            RedirectAttributes redirect) {
        try {
            api.stage(id, new MeasureInput.StageRequest(stage));
            redirect.addFlashAttribute("saved", true);
        } catch (Measure.StageRefused e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/benefits/measures";
    }
}
