package no.varde.economics.web;

import no.varde.economics.model.CostItem;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.economics.scenario.StaffingDrivenItems;
import no.varde.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The scenario page's switch between a fixed staffing amount and the staffing plan. */
@Controller
@PreAuthorize(EconomicsAccess.EDIT)
class StaffingLinkPages {

    private final ScenarioCatalogue scenarios;
    private final StaffingDrivenItems links;

    StaffingLinkPages(ScenarioCatalogue scenarios, StaffingDrivenItems links) {
        this.scenarios = scenarios;
        this.links = links;
    }

    @PostMapping("/economics/scenarios/{id}/items/{itemId}/staffing-driven")
    String drive(
            @PathVariable String id,
            @PathVariable String itemId,
            @RequestParam(defaultValue = "false") boolean driven) {
        var scenarioId = EconomicsApi.scenarioId(id);
        CostItem item = scenarios.item(scenarioId, EconomicsApi.itemId(itemId));
        links.set(
                scenarioId,
                item.id(),
                driven && item.isAnnual(),
                CurrentUser.get().username());
        return "redirect:/economics/scenarios/" + id + "#items";
    }
}
