package no.varde.economics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** Working hours a year and the FTE they make, as-is (manual follow-up) and to-be (remaining plus shared staff). */
public record Staffing(BigDecimal asIsHours, BigDecimal toBeHours, BigDecimal asIsFte, BigDecimal toBeFte) {

    @JsonProperty
    public BigDecimal hoursReduction() {
        return asIsHours.subtract(toBeHours);
    }

    @JsonProperty
    public BigDecimal fteReduction() {
        return asIsFte.subtract(toBeFte);
    }
}
