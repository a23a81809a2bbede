package no.varde.economics.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;

/** A beslutningsgrunnlag: one scenario's results, its sensitivity, the inputs, and when and by whom it was made. */
public record DecisionReport(
        ScenarioResult result,
        SensitivityResult sensitivity,
        Map<Kommunenummer, SurveyAnswer> answers,
        Instant preparedAt,
        ZoneId zone,
        String preparedBy) {

    public DecisionReport {
        answers = Map.copyOf(answers);
    }
}
