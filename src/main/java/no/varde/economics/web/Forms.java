package no.varde.economics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.varde.economics.SplitDriver;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.SplitKey;
import no.varde.economics.scenario.CostItemDraft;
import no.varde.economics.scenario.ScenarioDraft;
import no.varde.economics.survey.Amounts;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The page forms: text as typed (Norwegian decimal commas welcome), turned into drafts the services check. */
final class Forms {

    private Forms() {}

    /** Field name to problem, for showing each problem beside its field. */
    static Map<String, String> problems(InvalidInputException e) {
        Map<String, String> problems = new LinkedHashMap<>();
        e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
        return problems;
    }

    record AssumptionsForm(
            @Nullable String referenceCostPerInhabitant,
            @Nullable String salaryPerFte,
            @Nullable String hoursPerFte,
            @Nullable String horizonYears) {

        static AssumptionsForm of(Assumptions a) {
            return new AssumptionsForm(
                    plain(a.referenceCostPerInhabitant().amount()),
                    plain(a.salaryPerFte().amount()),
                    plain(a.hoursPerFte()),
                    String.valueOf(a.horizonYears()));
        }

        Assumptions parse() {
            return AssumptionsInput.parse(referenceCostPerInhabitant, salaryPerFte, hoursPerFte, horizonYears);
        }
    }

    record ScenarioForm(
            @Nullable String name,
            @Nullable String description,
            @Nullable String remainingManualSharePercent) {

        static ScenarioForm empty() {
            return new ScenarioForm("", "", "0");
        }

        static ScenarioForm of(Scenario s) {
            return new ScenarioForm(s.name(), s.description(), plain(s.remainingManualSharePercent()));
        }

        ScenarioDraft toDraft() {
            BigDecimal remaining = remainingManualSharePercent == null || remainingManualSharePercent.isBlank()
                    ? BigDecimal.ZERO
                    : Amounts.parse(remainingManualSharePercent);
            if (remaining == null) {
                throw InvalidInputException.of("remainingManualSharePercent", "must be a number from 0 to 100");
            }
            return new ScenarioDraft(name, description, remaining);
        }
    }

    /** A cost item with one weight field per split driver, so a mix is typed as percentages. */
    record ItemForm(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String amount,
            @Nullable String fte,
            @Nullable String flat,
            @Nullable String population,
            @Nullable String activeDevices,
            @Nullable String serviceRecipients,
            @Nullable String alarms,
            @Nullable String handlingMinutes) {

        static ItemForm empty() {
            return new ItemForm("", "ANNUAL", "", "0", "20", "80", "", "", "", "");
        }

        static ItemForm of(CostItem item) {
            SplitKey key = item.splitKey();
            return new ItemForm(
                    item.name(),
                    item.kind().name(),
                    plain(item.amount().amount()),
                    plain(item.fte()),
                    weight(key, SplitDriver.FLAT),
                    weight(key, SplitDriver.POPULATION),
                    weight(key, SplitDriver.ACTIVE_DEVICES),
                    weight(key, SplitDriver.SERVICE_RECIPIENTS),
                    weight(key, SplitDriver.ALARMS),
                    weight(key, SplitDriver.HANDLING_MINUTES));
        }

        CostItemDraft toDraft() {
            List<FieldProblem> problems = new ArrayList<>();
            BigDecimal parsedAmount = amount == null ? null : Amounts.parse(amount);
            BigDecimal parsedFte = fte == null || fte.isBlank() ? BigDecimal.ZERO : Amounts.parse(fte);
            if (parsedFte == null) {
                problems.add(new FieldProblem("fte", "must be a number of zero or more"));
            }
            StringBuilder key = new StringBuilder();
            String[] weights = {flat, population, activeDevices, serviceRecipients, alarms, handlingMinutes};
            SplitDriver[] drivers = SplitDriver.values();
            for (int i = 0; i < drivers.length; i++) {
                String weight = weights[i];
                if (weight == null || weight.isBlank() || "0".equals(weight.strip())) {
                    continue;
                }
                Long percent = Amounts.count(weight);
                if (percent == null) {
                    problems.add(new FieldProblem("splitKey", "weights must be whole percentages"));
                    continue;
                }
                key.append(drivers[i]).append(':').append(percent).append(';');
            }
            CostItemDraft draft = new CostItemDraft(name, kind, parsedAmount, parsedFte, key.toString());
            problems.addAll(draft.problems());
            if (!problems.isEmpty()) {
                throw new InvalidInputException("VARDE-ECON-0021: the cost item has invalid fields", problems);
            }
            return draft;
        }

        private static String weight(SplitKey key, SplitDriver driver) {
            int weight = key.weightOf(driver);
            return weight == 0 ? "" : String.valueOf(weight);
        }
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
