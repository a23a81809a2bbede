package no.varde.fleet.web;

import java.time.Clock;
import java.time.Duration;
import no.varde.fleet.FleetDashboard;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Reads the dashboard's two request parameters the same way for the page and the API. */
@Component
class FleetDashboardView {

    static final int DEFAULT_DAYS = 30;

    private final FleetDashboard dashboard;
    private final Clock clock;

    FleetDashboardView(FleetDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    FleetDashboard.Overview overview(VardeUser user, @Nullable String kommunenummer, @Nullable Integer days) {
        int period = days == null ? DEFAULT_DAYS : days;
        if (period < 1 || period > 366) {
            throw InvalidInputException.of("days", "days must be between 1 and 366, was " + period);
        }
        Kommunenummer only = null;
        if (kommunenummer != null && !kommunenummer.isBlank()) {
            try {
                only = new Kommunenummer(kommunenummer.strip());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of(
                        "kommunenummer", "kommunenummer must be four digits, was '" + kommunenummer + "'");
            }
        }
        try {
            return dashboard.overview(user, only, clock.instant(), Duration.ofDays(period));
        } catch (FleetDashboard.NotInScope e) {
            throw new AccessDeniedException(e.getMessage());
        }
    }
}
