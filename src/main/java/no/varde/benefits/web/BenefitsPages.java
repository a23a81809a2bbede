package no.varde.benefits.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.Indicator;
import no.varde.benefits.MonthFacts;
import no.varde.benefits.OperationalFacts;
import no.varde.benefits.Realisation;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The benefits pages: operational facts, the plan, one indicator with its chart and manual entries. */
@Controller
@RequestMapping("/benefits")
@PreAuthorize(BenefitsAccess.VIEW)
class BenefitsPages {

    private final OperationalFacts facts;
    private final BenefitPlan plan;
    private final Municipalities municipalities;
    private final BenefitsApi api;

    BenefitsPages(OperationalFacts facts, BenefitPlan plan, Municipalities municipalities, BenefitsApi api) {
        this.facts = facts;
        this.plan = plan;
        this.municipalities = municipalities;
        this.api = api;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute(
                "canEdit", CurrentUser.find().map(BenefitsAccess::canEdit).orElse(false));
        model.addAttribute("names", municipalities.namesByNumber());
        model.addAttribute("suppress", plan.suppression());
    }

    @ExceptionHandler({InvalidInputException.class, NotFoundException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter() {
        return new ModelAndView("error-page").addObject("messageKey", "benefits.error.badParameter");
    }

    @GetMapping
    String overview(@RequestParam(required = false) @Nullable String month, Model model) {
        var to = facts.currentMonth();
        var from = to.minusMonths(11);
        List<MonthFacts> all = facts.facts(from, to);
        BenefitsInput input = new BenefitsInput(municipalities);
        var chosen = input.month("month", month, false);
        input.throwIfInvalid();
        var shown = chosen == null ? to : chosen;
        model.addAttribute("region", OperationalFacts.region(all));
        // devices in service are their own facts, shown beside the alarm facts of the same month
        Map<java.time.YearMonth, Long> regionDevices = new java.util.HashMap<>();
        no.varde.benefits.DeviceFacts.region(facts.devices(from, to))
                .forEach(d -> regionDevices.put(d.month(), d.devicesInService()));
        model.addAttribute("regionDevices", regionDevices);
        model.addAttribute("month", shown);
        Map<String, Long> municipalityDevices = new java.util.HashMap<>();
        facts.devices(shown, shown).forEach(d -> municipalityDevices.put(d.kommunenummer(), d.devicesInService()));
        model.addAttribute("municipalityDevices", municipalityDevices);
        model.addAttribute("byType", OperationalFacts.regionByType(facts.byType(shown, shown)));
        model.addAttribute(
                "byMunicipality",
                facts.facts(shown, shown).stream()
                        .sorted(java.util.Comparator.comparing(MonthFacts::kommunenummer))
                        .toList());
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Indicator indicator : plan.indicators()) {
            Realisation r = plan.realisation(indicator, null);
            Realisation.Row last = r.months().getLast();
            indicators.add(Map.of("indicator", indicator, "last", last));
        }
        model.addAttribute("indicators", indicators);
        return "benefits/overview";
    }

    @GetMapping("/facts.xlsx")
    org.springframework.http.ResponseEntity<byte[]> factsXlsx(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            java.util.Locale locale) {
        return api.factsXlsx(from, to, locale);
    }

    @GetMapping("/indicators/{id}")
    String indicator(
            @PathVariable String id, @RequestParam(required = false) @Nullable String kommunenummer, Model model) {
        Realisation realisation = api.realisation(id, kommunenummer);
        model.addAttribute("r", realisation);
        model.addAttribute("indicator", realisation.indicator());
        model.addAttribute("kommunenummer", realisation.kommunenummer());
        model.addAttribute("municipalities", municipalities.all());
        return "benefits/indicator";
    }

    @GetMapping("/indicators/{id}/realisation.xlsx")
    org.springframework.http.ResponseEntity<byte[]> realisationXlsx(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String kommunenummer,
            java.util.Locale locale) {
        return api.realisationXlsx(id, kommunenummer, locale);
    }

    @GetMapping("/indicators/{id}/chart.json")
    @ResponseBody
    Map<String, Object> chart(@PathVariable String id, @RequestParam(required = false) @Nullable String kommunenummer) {
        Realisation r = api.realisation(id, kommunenummer);
        return Map.of(
                "labels", r.months().stream().map(m -> m.month().toString()).toList(),
                "planned", r.months().stream().map(Realisation.Row::planned).toList(),
                "realised", r.months().stream().map(Realisation.Row::realised).toList(),
                "unit", r.indicator().unit());
    }

    @PostMapping("/indicators/{id}/measurements")
    String measure(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String kommunenummer,
            @RequestParam(required = false) @Nullable String value,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        api.measure(id, new BenefitsInput.MeasurementRequest(month, kommunenummer, value, note));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/benefits/indicators/" + id;
    }

    @PostMapping("/indicators/{id}/minutes")
    @PreAuthorize(BenefitsAccess.EDIT)
    String minutes(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String minutesPerAlarm,
            RedirectAttributes redirect) {
        Indicator i = api.indicator(id);
        api.update(
                id,
                new BenefitsInput.IndicatorRequest(
                        i.name(),
                        i.area().name(),
                        i.unit(),
                        i.owner(),
                        i.baseline().toPlainString(),
                        i.baselineNote(),
                        i.target().toPlainString(),
                        i.startMonth().toString(),
                        i.targetMonth().toString(),
                        i.source().name(),
                        minutesPerAlarm));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/benefits/indicators/" + id;
    }
}
