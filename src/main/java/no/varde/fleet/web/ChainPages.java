package no.varde.fleet.web;

import java.time.Clock;
import java.time.ZoneId;
import no.varde.fleet.ChainSupervision;
import no.varde.fleet.SupervisionAlerts;
import no.varde.registry.AccessScopes;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chain page ({@code /fleet/chain}: aggregates and the abnormal devices), the chain part of the resident card
 * (loaded by the registry's resident page and the operator's alarm page) and the supervision-stopped banner of
 * system administrators' pages.
 */
@Controller
class ChainPages {

    private final ChainSupervision chains;
    private final SupervisionAlerts alerts;
    private final AccessScopes scopes;
    private final Clock clock;

    ChainPages(ChainSupervision chains, SupervisionAlerts alerts, AccessScopes scopes, Clock clock) {
        this.chains = chains;
        this.alerts = alerts;
        this.scopes = scopes;
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Europe/Oslo");
    }

    @GetMapping("/fleet/chain")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String page(
            @RequestParam(defaultValue = "7") int days,
            @RequestParam(required = false) @Nullable String vendor,
            Model model) {
        ChainPeriod period = ChainPeriod.ofDays(days, clock.instant());
        String only = ChainPeriod.vendor(vendor);
        model.addAttribute("days", days);
        model.addAttribute("vendor", only);
        model.addAttribute("summary", chains.summary(scopes.current(), period.from(), period.to(), only));
        return "fleet/chain";
    }

    /** The resident card's chain: not audited again, the card it is a part of is. */
    @GetMapping("/fleet/residents/{id}/chain")
    @PreAuthorize("!hasRole('REGION_ANALYST')")
    String resident(@PathVariable ResidentId id, Model model) {
        model.addAttribute("chain", chains.residentChain(scopes.current(), id, clock.instant()));
        return "fleet/chain-parts :: resident";
    }

    /** The banner on system administrators' pages while supervision is stopped (empty otherwise). */
    @GetMapping("/fleet/supervision/alert")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String alert(Model model) {
        model.addAttribute("stops", alerts.open());
        return "fleet/chain-parts :: alert";
    }
}
