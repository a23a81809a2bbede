package no.varde.planning;

import java.math.BigDecimal;
import no.varde.economics.StaffingModel;
import org.springframework.stereotype.Component;

/** The staffing plan at its default assumptions, as the economics' staffing-driven cost items read it. */
@Component
class PlannedStaffing implements StaffingModel {

    private final StaffingPlanner planner;

    PlannedStaffing(StaffingPlanner planner) {
        this.planner = planner;
    }

    @Override
    public BigDecimal requiredFte(BigDecimal volumeFactor) {
        return planner.requiredFte(
                StaffingParameters.defaults(planner.properties()).withVolumeFactor(volumeFactor.doubleValue()));
    }
}
