package no.varde.economics.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.model.SplitBasis;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;

/**
 * A beslutningsgrunnlag: one scenario's results, its sensitivity, the inputs (survey answers and the split basis
 * every share was computed from), and when and by whom it was made.
 */
public record DecisionReport(
        ScenarioResult result,
        SensitivityResult sensitivity,
        Map<Kommunenummer, SurveyAnswer> answers,
        SplitBasis basis,
        int suppressBelow,
        Instant preparedAt,
        ZoneId zone,
        String preparedBy) {

    /**
     * True when a figure of the split basis must not be printed: a count measured from operations from 1 to below
     * the threshold (population and the survey's own reported counts are printed).
     */
    public boolean suppressed(no.varde.economics.SplitDriver driver, long value) {
        boolean measured = basis.notes().stream()
                .anyMatch(note -> note.driver() == driver && note.source().fromOperations());
        return measured && value > 0 && value < suppressBelow;
    }

    public DecisionReport {
        answers = Map.copyOf(answers);
    }
}
