package no.varde.economics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.varde.economics.model.CostItem;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.economics.scenario.StaffingDrivenItems;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a scenario's annual staffing item take its FTE and amount from the staffing plan (planning module). */
@RestController
@RequestMapping("/api/v1/economics")
@PreAuthorize(EconomicsAccess.EDIT)
@Tag(name = "Economics")
class StaffingLinkApi {

    private final ScenarioCatalogue scenarios;
    private final StaffingDrivenItems links;

    StaffingLinkApi(ScenarioCatalogue scenarios, StaffingDrivenItems links) {
        this.scenarios = scenarios;
        this.links = links;
    }

    @PutMapping("/scenarios/{id}/items/{itemId}/staffing-driven")
    @Operation(
            summary = "Drive an annual item by the staffing plan: FTE = planned FTE, amount = FTE × salary per FTE",
            description = "Body {\"staffingDriven\": true|false}. The sensitivity then moves the item with the salary"
                    + " and with the alarm volume (driver ALARM_VOLUME).")
    Map<String, Object> drive(
            @PathVariable String id, @PathVariable String itemId, @RequestBody @Nullable StaffingDrivenRequest body) {
        if (body == null || body.staffingDriven() == null) {
            throw InvalidInputException.of("staffingDriven", "is required: true or false");
        }
        var scenarioId = EconomicsApi.scenarioId(id);
        CostItem item = scenarios.item(scenarioId, EconomicsApi.itemId(itemId));
        if (body.staffingDriven() && !item.isAnnual()) {
            throw InvalidInputException.of("staffingDriven", "only an annual item can be driven by the staffing plan");
        }
        links.set(
                scenarioId, item.id(), body.staffingDriven(), CurrentUser.get().username());
        return Map.of("itemId", item.id(), "staffingDriven", body.staffingDriven());
    }

    record StaffingDrivenRequest(@Nullable Boolean staffingDriven) {}
}
