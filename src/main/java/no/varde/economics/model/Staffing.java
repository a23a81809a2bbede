package no.varde.economics.model;

import java.math.BigDecimal;

/** Working hours a year and the FTE they make, as-is (manual follow-up) and to-be (remaining plus shared staff). */
public record Staffing(BigDecimal asIsHours, BigDecimal toBeHours, BigDecimal asIsFte, BigDecimal toBeFte) {

    public BigDecimal hoursReduction() {
        return asIsHours.subtract(toBeHours);
    }

    public BigDecimal fteReduction() {
        return asIsFte.subtract(toBeFte);
    }
}
