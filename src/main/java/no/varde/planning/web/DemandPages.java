package no.varde.planning.web;

import java.util.List;
import java.util.Map;
import no.varde.planning.demand.DemandForecast;
import no.varde.planning.demand.Populations;
import no.varde.planning.demand.ProjectionCsv;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Demand 2030–2050: chart, table, assumptions, and the import of a projection. */
@Controller
@RequestMapping("/planning/demand")
@PreAuthorize(PlanningAccess.VIEW)
class DemandPages {

    private final DemandForecast forecast;
    private final Populations populations;
    private final DemandApi api;
    private final Municipalities municipalities;

    DemandPages(DemandForecast forecast, Populations populations, DemandApi api, Municipalities municipalities) {
        this.forecast = forecast;
        this.populations = populations;
        this.api = api;
        this.municipalities = municipalities;
    }

    @GetMapping
    String demand(Model model, java.util.Locale locale) {
        var perUser = forecast.alarmsPerUser();
        var rates = forecast.usersPer1000();
        model.addAttribute("perUser", perUser);
        model.addAttribute("rates", rates);
        model.addAttribute("years", forecast.forecast(perUser, rates));
        model.addAttribute("source", populations.lastImport().orElse(null));
        model.addAttribute("a", forecast.assumptions());
        model.addAttribute("names", municipalities.namesByNumber());
        model.addAttribute("num", new PlanningPages.Numbers(locale));
        model.addAttribute(
                "canEdit",
                CurrentUser.find()
                        .map(u -> u.role() == Role.REGION_ANALYST || u.role() == Role.SYSTEM_ADMIN)
                        .orElse(false));
        return "planning/demand";
    }

    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(java.util.Locale locale) {
        return api.demandXlsx(locale);
    }

    @GetMapping("/chart.json")
    @ResponseBody
    Map<String, Object> chart() {
        List<DemandForecast.YearDemand> years = forecast.forecast();
        return Map.of(
                "labels", years.stream().map(y -> Integer.toString(y.year())).toList(),
                "fte", years.stream().map(DemandForecast.YearDemand::fte).toList(),
                "alarms", years.stream().map(DemandForecast.YearDemand::alarms).toList());
    }

    @PostMapping("/import")
    @PreAuthorize(PlanningAccess.EDIT)
    String importFile(@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            api.importProjection(file);
            redirect.addFlashAttribute("imported", true);
        } catch (ProjectionCsv.Rejected e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "importProblems", List.of(new ProjectionCsv.CellProblem(0, "file", "is required")));
        }
        return "redirect:/planning/demand";
    }
}
