package no.varde.economics;

import java.math.BigDecimal;

/**
 * The staffing a response centre needs, from a module that plans it (planning: Erlang per hour of the week, the
 * minimum on duty, shrinkage). A scenario's staffing item can be driven by it: its FTE are the planned FTE and its
 * amount FTE × salary per FTE, so the sensitivity on alarm volume and on salary moves it.
 */
public interface StaffingModel {

    /** Required FTE at {@code volumeFactor} × today's alarm volume (1 = as planned). */
    BigDecimal requiredFte(BigDecimal volumeFactor);
}
