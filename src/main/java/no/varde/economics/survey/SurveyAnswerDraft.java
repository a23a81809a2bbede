package no.varde.economics.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Nok;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A survey answer as typed in a form or sent to the API, as text so Norwegian input ({@code 71 897,50}) works.
 * The cost fields and hours are all filled (the municipality answered) or all empty (it did not).
 */
public record SurveyAnswerDraft(
        @Nullable String licence,
        @Nullable String operationsAgreement,
        @Nullable String integration,
        @Nullable String administration,
        @Nullable String storageServer,
        @Nullable String manualFollowUpHours,
        @Nullable String activeDevices,
        @Nullable String serviceRecipients,
        @Nullable String alarmsPerYear,
        @Nullable String handlingMinutes) {

    public static SurveyAnswerDraft of(SurveyAnswer answer) {
        AsIsCosts c = answer.costs();
        return new SurveyAnswerDraft(
                c == null ? "" : plain(c.licence().amount()),
                c == null ? "" : plain(c.operationsAgreement().amount()),
                c == null ? "" : plain(c.integration().amount()),
                c == null ? "" : plain(c.administration().amount()),
                c == null ? "" : plain(c.storageServer().amount()),
                c == null ? "" : plain(c.manualFollowUpHours()),
                text(answer.activeDevices()),
                text(answer.serviceRecipients()),
                text(answer.alarmsPerYear()),
                text(answer.handlingMinutes()));
    }

    /** The answer; throws {@link InvalidInputException} naming every bad field. */
    public SurveyAnswer toAnswer(Kommunenummer kommunenummer) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> costFields = List.of(
                "licence",
                "operationsAgreement",
                "integration",
                "administration",
                "storageServer",
                "manualFollowUpHours");
        List<@Nullable String> costValues = List.of(
                orEmpty(licence),
                orEmpty(operationsAgreement),
                orEmpty(integration),
                orEmpty(administration),
                orEmpty(storageServer),
                orEmpty(manualFollowUpHours));
        boolean answered = costValues.stream().anyMatch(v -> v != null && !v.isBlank());
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < costFields.size(); i++) {
            String value = costValues.get(i);
            if (!answered) {
                continue;
            }
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(costFields.get(i), "must be filled when the other cost fields are"));
                continue;
            }
            BigDecimal amount = Amounts.money(value);
            if (amount == null) {
                problems.add(new FieldProblem(costFields.get(i), "must be zero or more with at most two decimals"));
            } else {
                amounts.add(amount);
            }
        }
        Long devices = count("activeDevices", activeDevices, problems);
        Long recipients = count("serviceRecipients", serviceRecipients, problems);
        Long alarms = count("alarmsPerYear", alarmsPerYear, problems);
        Long minutes = count("handlingMinutes", handlingMinutes, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-ECON-0011: the survey answer has invalid fields", problems);
        }
        AsIsCosts costs = answered
                ? new AsIsCosts(
                        new Nok(amounts.get(0)),
                        new Nok(amounts.get(1)),
                        new Nok(amounts.get(2)),
                        new Nok(amounts.get(3)),
                        new Nok(amounts.get(4)),
                        amounts.get(5))
                : null;
        return new SurveyAnswer(kommunenummer, costs, devices, recipients, alarms, minutes);
    }

    private static @Nullable Long count(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long count = Amounts.count(value);
        if (count == null) {
            problems.add(new FieldProblem(field, "must be a whole number of zero or more"));
        }
        return count;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : value.toString();
    }
}
