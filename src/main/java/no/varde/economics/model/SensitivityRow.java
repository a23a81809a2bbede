package no.varde.economics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How the savings move when one driver goes down and up by the sensitivity percent.
 *
 * @param driver what was varied: MANUAL_HOURS, SALARY_PER_FTE, DIRECT_COSTS, REFERENCE_COST,
 *     REMAINING_MANUAL_SHARE or COST_ITEM
 * @param itemName the cost item's name when the driver is COST_ITEM
 */
public record SensitivityRow(
        String driver,
        @Nullable String itemName,
        Nok steadyStateSavingsLow,
        Nok steadyStateSavingsHigh,
        Nok horizonSavingsLow,
        Nok horizonSavingsHigh) {

    /** How far the horizon savings move between the driver's low and high value. */
    @JsonProperty
    public Nok swing() {
        Nok difference = horizonSavingsHigh.minus(horizonSavingsLow);
        return difference.isNegative() ? Nok.ZERO.minus(difference) : difference;
    }
}
