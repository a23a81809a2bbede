package no.varde.economics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The assumptions an analysis is made from; stated next to its numbers.
 *
 * @param referenceCostPerInhabitant estimates the yearly cost of a municipality that did not answer
 * @param salaryPerFte yearly cost of one FTE incl. social costs
 * @param hoursPerFte working hours of one FTE a year
 * @param horizonYears years the horizon totals cover
 */
public record Assumptions(Nok referenceCostPerInhabitant, Nok salaryPerFte, BigDecimal hoursPerFte, int horizonYears) {

    public Assumptions {
        if (referenceCostPerInhabitant.isNegative()) {
            throw new IllegalArgumentException(
                    "VARDE-ECON-0003: the reference cost per inhabitant must not be negative");
        }
        if (salaryPerFte.amount().signum() <= 0 || hoursPerFte.signum() <= 0) {
            throw new IllegalArgumentException("VARDE-ECON-0003: salary and hours per FTE must be positive");
        }
        if (horizonYears < 1 || horizonYears > 20) {
            throw new IllegalArgumentException("VARDE-ECON-0003: the horizon must be 1 to 20 years");
        }
    }

    /** Cost of working hours at the salary per FTE, to the øre. */
    public Nok costOfHours(BigDecimal hours) {
        return new Nok(hours.multiply(salaryPerFte.amount()).divide(hoursPerFte, 2, RoundingMode.HALF_UP));
    }

    /** Working hours in FTE, two decimals. */
    public BigDecimal fteOf(BigDecimal hours) {
        return hours.divide(hoursPerFte, 2, RoundingMode.HALF_UP);
    }

    public Assumptions withHorizon(int years) {
        return new Assumptions(referenceCostPerInhabitant, salaryPerFte, hoursPerFte, years);
    }

    public Assumptions withSalaryPerFte(Nok salary) {
        return new Assumptions(referenceCostPerInhabitant, salary, hoursPerFte, horizonYears);
    }

    public Assumptions withReferenceCostPerInhabitant(Nok reference) {
        return new Assumptions(reference, salaryPerFte, hoursPerFte, horizonYears);
    }
}
