package no.varde.economics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.analysis.AssumptionsStore;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.report.Formats;
import no.varde.economics.report.MunicipalitySummary;
import no.varde.economics.report.PdfReport;
import no.varde.economics.report.XlsxExport;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** The economics pages: overview and assumptions, scenario results, scenarios and their items, exports. */
@Controller
@RequestMapping("/economics")
@PreAuthorize(EconomicsAccess.VIEW)
class EconomicsPages {

    private final Analyses analyses;
    private final AssumptionsStore assumptions;
    private final ScenarioCatalogue scenarios;
    private final MessageSource messages;
    private final PdfReport pdf;
    private final XlsxExport xlsx;

    EconomicsPages(
            Analyses analyses,
            AssumptionsStore assumptions,
            ScenarioCatalogue scenarios,
            MessageSource messages,
            PdfReport pdf,
            XlsxExport xlsx) {
        this.analyses = analyses;
        this.assumptions = assumptions;
        this.scenarios = scenarios;
        this.messages = messages;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @ModelAttribute
    void common(Model model, Locale locale) {
        model.addAttribute("fmt", Formats.of(locale));
        model.addAttribute(
                "canEdit", CurrentUser.find().map(EconomicsAccess::canEdit).orElse(false));
    }

    /** A horizon or sensitivity percent out of range in the address: a readable page, not a server error. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter() {
        return new ModelAndView("error-page").addObject("messageKey", "economics.error.badParameter");
    }

    @GetMapping
    String overview(Model model) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios.all()) {
            results.add(analyses.result(scenario.id(), null));
        }
        model.addAttribute("asIs", analyses.asIs());
        model.addAttribute("results", results);
        if (!model.containsAttribute("assumptionsForm")) {
            model.addAttribute("assumptionsForm", Forms.AssumptionsForm.of(assumptions.current()));
        }
        model.addAttribute("defaults", assumptions.defaults());
        return "economics/overview";
    }

    @PostMapping("/assumptions")
    @PreAuthorize(EconomicsAccess.EDIT)
    String saveAssumptions(@ModelAttribute Forms.AssumptionsForm form, Model model, RedirectAttributes redirect) {
        try {
            assumptions.save(form.parse(), CurrentUser.get().username());
        } catch (InvalidInputException e) {
            model.addAttribute("assumptionsForm", form);
            model.addAttribute("problems", Forms.problems(e));
            return overview(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/economics";
    }

    @GetMapping("/scenarios/{id}")
    String scenario(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Model model) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        ScenarioResult result = analyses.result(scenarioId, years, usageMonths);
        SensitivityResult sensitivity = analyses.sensitivity(scenarioId, years, percent, usageMonths);
        model.addAttribute("usageMonths", usageMonths == null ? assumptions.usageMonths() : usageMonths);
        model.addAttribute("usageParam", usageMonths);
        model.addAttribute("result", result);
        model.addAttribute("region", result.region());
        model.addAttribute("scenario", result.scenario());
        model.addAttribute("sensitivity", sensitivity);
        model.addAttribute("years", result.assumptions().horizonYears());
        model.addAttribute("yearsParam", years);
        model.addAttribute("percentParam", percent);
        model.addAttribute("driverNotes", no.varde.economics.report.ReportNotes.usedBy(result));
        model.addAttribute(
                "payingMore",
                result.municipalities().stream()
                        .filter(m -> m.steadyState().paysMore())
                        .toList());
        return "economics/scenario";
    }

    @GetMapping("/scenarios/{id}/charts.json")
    @ResponseBody
    ChartData charts(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        return ChartData.of(
                analyses.result(scenarioId, years, usageMonths),
                analyses.sensitivity(scenarioId, years, percent, usageMonths),
                messages,
                locale);
    }

    @GetMapping("/scenarios/{id}/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        DecisionReport report = analyses.report(
                EconomicsApi.scenarioId(id),
                years,
                percent,
                usageMonths,
                CurrentUser.get().displayName());
        return Exports.attachment(xlsx.render(report, locale), Exports.XLSX, report, "xlsx");
    }

    @GetMapping("/scenarios/{id}/report.pdf")
    ResponseEntity<byte[]> exportPdf(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        DecisionReport report = analyses.report(
                EconomicsApi.scenarioId(id),
                years,
                percent,
                usageMonths,
                CurrentUser.get().displayName());
        return Exports.attachment(pdf.render(report, locale), "application/pdf", report, "pdf");
    }

    @GetMapping("/scenarios/{id}/municipalities/{kommunenummer}/summary.pdf")
    ResponseEntity<byte[]> municipalitySummary(
            @PathVariable String id,
            @PathVariable Kommunenummer kommunenummer,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        DecisionReport report = analyses.report(
                EconomicsApi.scenarioId(id),
                years,
                null,
                usageMonths,
                CurrentUser.get().displayName());
        MunicipalitySummary summary = MunicipalitySummary.of(report, kommunenummer);
        return Exports.municipality(
                pdf.renderMunicipality(summary, locale),
                report,
                summary.municipality().name());
    }

    @GetMapping("/scenarios/new")
    @PreAuthorize(EconomicsAccess.EDIT)
    String newScenario(Model model) {
        model.addAttribute("form", Forms.ScenarioForm.empty());
        return "economics/scenario-form";
    }

    @PostMapping("/scenarios")
    @PreAuthorize(EconomicsAccess.EDIT)
    String createScenario(@ModelAttribute("form") Forms.ScenarioForm form, Model model) {
        try {
            Scenario created = scenarios.create(form.toDraft());
            return "redirect:/economics/scenarios/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", Forms.problems(e));
            return "economics/scenario-form";
        } catch (no.varde.shared.web.ConflictException e) {
            model.addAttribute("problems", java.util.Map.of("name", e.getMessage()));
            return "economics/scenario-form";
        }
    }

    @GetMapping("/scenarios/{id}/edit")
    @PreAuthorize(EconomicsAccess.EDIT)
    String editScenario(@PathVariable String id, Model model) {
        Scenario scenario = scenarios.get(EconomicsApi.scenarioId(id));
        model.addAttribute("scenario", scenario);
        model.addAttribute("form", Forms.ScenarioForm.of(scenario));
        return "economics/scenario-form";
    }

    @PostMapping("/scenarios/{id}")
    @PreAuthorize(EconomicsAccess.EDIT)
    String updateScenario(@PathVariable String id, @ModelAttribute("form") Forms.ScenarioForm form, Model model) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        try {
            scenarios.update(scenarioId, form.toDraft());
            return "redirect:/economics/scenarios/" + scenarioId;
        } catch (InvalidInputException e) {
            model.addAttribute("scenario", scenarios.get(scenarioId));
            model.addAttribute("problems", Forms.problems(e));
            return "economics/scenario-form";
        } catch (no.varde.shared.web.ConflictException e) {
            model.addAttribute("scenario", scenarios.get(scenarioId));
            model.addAttribute("problems", java.util.Map.of("name", e.getMessage()));
            return "economics/scenario-form";
        }
    }

    @PostMapping("/scenarios/{id}/copy")
    @PreAuthorize(EconomicsAccess.EDIT)
    String copyScenario(@PathVariable String id, Locale locale) {
        Scenario original = scenarios.get(EconomicsApi.scenarioId(id));
        String base = messages.getMessage("economics.scenario.copyOf", new Object[] {original.name()}, locale);
        String name = base;
        List<String> taken = scenarios.all().stream().map(Scenario::name).toList();
        for (int n = 2; taken.contains(name); n++) {
            name = base + " (" + n + ")";
        }
        Scenario copy = scenarios.copy(original.id(), name);
        return "redirect:/economics/scenarios/" + copy.id() + "/edit";
    }

    @PostMapping("/scenarios/{id}/delete")
    @PreAuthorize(EconomicsAccess.EDIT)
    String deleteScenario(@PathVariable String id, RedirectAttributes redirect) {
        scenarios.delete(EconomicsApi.scenarioId(id));
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/economics";
    }

    @GetMapping("/scenarios/{id}/items/new")
    @PreAuthorize(EconomicsAccess.EDIT)
    String newItem(@PathVariable String id, Model model) {
        model.addAttribute("scenario", scenarios.get(EconomicsApi.scenarioId(id)));
        model.addAttribute("form", Forms.ItemForm.empty());
        return "economics/item-form";
    }

    @GetMapping("/scenarios/{id}/items/{itemId}/edit")
    @PreAuthorize(EconomicsAccess.EDIT)
    String editItem(@PathVariable String id, @PathVariable String itemId, Model model) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        CostItem item = scenarios.item(scenarioId, EconomicsApi.itemId(itemId));
        model.addAttribute("scenario", scenarios.get(scenarioId));
        model.addAttribute("item", item);
        model.addAttribute("form", Forms.ItemForm.of(item));
        return "economics/item-form";
    }

    @PostMapping("/scenarios/{id}/items")
    @PreAuthorize(EconomicsAccess.EDIT)
    String addItem(@PathVariable String id, @ModelAttribute("form") Forms.ItemForm form, Model model) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        try {
            scenarios.addItem(scenarioId, form.toDraft());
            return "redirect:/economics/scenarios/" + scenarioId + "#items";
        } catch (InvalidInputException e) {
            model.addAttribute("scenario", scenarios.get(scenarioId));
            model.addAttribute("problems", Forms.problems(e));
            return "economics/item-form";
        }
    }

    @PostMapping("/scenarios/{id}/items/{itemId}")
    @PreAuthorize(EconomicsAccess.EDIT)
    String updateItem(
            @PathVariable String id,
            @PathVariable String itemId,
            @ModelAttribute("form") Forms.ItemForm form,
            Model model) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        try {
            scenarios.updateItem(scenarioId, EconomicsApi.itemId(itemId), form.toDraft());
            return "redirect:/economics/scenarios/" + scenarioId + "#items";
        } catch (InvalidInputException e) {
            model.addAttribute("scenario", scenarios.get(scenarioId));
            model.addAttribute("item", scenarios.item(scenarioId, EconomicsApi.itemId(itemId)));
            model.addAttribute("problems", Forms.problems(e));
            return "economics/item-form";
        }
    }

    @PostMapping("/scenarios/{id}/items/{itemId}/delete")
    @PreAuthorize(EconomicsAccess.EDIT)
    String removeItem(@PathVariable String id, @PathVariable String itemId) {
        ScenarioId scenarioId = EconomicsApi.scenarioId(id);
        scenarios.removeItem(scenarioId, EconomicsApi.itemId(itemId));
        return "redirect:/economics/scenarios/" + scenarioId + "#items";
    }
}
