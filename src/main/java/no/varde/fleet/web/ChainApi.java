package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import no.varde.alarm.AlarmId;
import no.varde.fleet.ChainSupervision;
import no.varde.fleet.SupervisionAlerts;
import no.varde.fleet.SupervisionJob;
import no.varde.registry.AccessScopes;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chain supervision over HTTP: distributions, abnormal devices, one alarm's chain, a resident's chain, stops. */
@RestController
@RequestMapping("/api/v1/fleet")
@Tag(name = "Fleet")
class ChainApi {

    private final ChainSupervision chains;
    private final SupervisionAlerts alerts;
    private final AccessScopes scopes;
    private final Clock clock;

    ChainApi(ChainSupervision chains, SupervisionAlerts alerts, AccessScopes scopes, Clock clock) {
        this.chains = chains;
        this.alerts = alerts;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/chain")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "The alarm chain of a period within the user's municipalities: counts and p50/p90/p99/max seconds"
                    + " of occurred→received, received→shown, shown→claimed and press→claimed per vendor, protocol and"
                    + " municipality (human alarms), and the devices whose clock drift or press-to-operator delay is"
                    + " abnormal (device ids and serials, no resident data)")
    ChainSupervision.Summary summary(
            @Parameter(description = "ISO-8601 instant; default: the end minus varde.fleet.chain.period (7 days)")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "ISO-8601 instant; default: now") @RequestParam(required = false) @Nullable
                    String to,
            @Parameter(description = "only this vendor's devices") @RequestParam(required = false) @Nullable
                    String vendor) {
        ChainPeriod period = ChainPeriod.of(from, to, chains.properties().period(), clock.instant());
        return chains.summary(scopes.current(), period.from(), period.to(), ChainPeriod.vendor(vendor));
    }

    @GetMapping("/chain/alarms/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "One alarm's chain: occurred (device time), received, first shown to an operator, claimed")
    ChainSupervision.AlarmChain alarm(@PathVariable AlarmId id) {
        VardeUser user = CurrentUser.get();
        return chains.chain(user, scopes.forUser(user), id).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    @GetMapping("/residents/{id}/chain")
    @PreAuthorize("!hasRole('REGION_ANALYST')")
    @Operation(
            summary = "A resident's alarm chain now: green only when every personal-trigger device (and its base"
                    + " unit) reported within its interval, no lost contact is open, its protocol's channel is heard"
                    + " from and supervision runs; otherwise amber or red with the reason per link")
    ChainSupervision.ResidentChain resident(@PathVariable ResidentId id) {
        return chains.residentChainAudited(scopes.current(), id, clock.instant());
    }

    @GetMapping("/supervision/stops")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "The latest stops of supervision itself: when noticed, the last pass, the message, resumed")
    List<SupervisionAlerts.Stop> stops() {
        return alerts.of(SupervisionJob.LEASE, 50);
    }
}
