package no.varde.economics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.Nok;
import no.varde.economics.survey.Amounts;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks assumptions typed in a form or sent to the API, field by field. */
final class AssumptionsInput {

    private AssumptionsInput() {}

    static Assumptions parse(
            @Nullable String reference, @Nullable String salary, @Nullable String hours, @Nullable String horizon) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal r = reference == null ? null : Amounts.money(reference);
        if (r == null) {
            problems.add(
                    new FieldProblem("referenceCostPerInhabitant", "must be zero or more with at most two decimals"));
        }
        BigDecimal s = salary == null ? null : Amounts.money(salary);
        if (s == null || s.signum() == 0) {
            problems.add(new FieldProblem("salaryPerFte", "must be more than zero with at most two decimals"));
        }
        BigDecimal h = hours == null ? null : Amounts.money(hours);
        if (h == null || h.signum() == 0 || h.compareTo(BigDecimal.valueOf(8784)) > 0) {
            problems.add(new FieldProblem("hoursPerFte", "must be more than zero and at most 8784"));
        }
        Long y = horizon == null ? null : Amounts.count(horizon);
        if (y == null || y < 1 || y > 20) {
            problems.add(new FieldProblem("horizonYears", "must be a whole number from 1 to 20"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-ECON-0012: the assumptions have invalid fields", problems);
        }
        return new Assumptions(new Nok(r), new Nok(s), h, y.intValue());
    }

    static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
