package no.varde.economics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityRow;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;

/**
 * What the decision report's template needs beyond the report itself: bar lengths for the charts drawn in
 * HTML (the PDF has no JavaScript) and the names of the municipalities that would pay more.
 */
public record ReportView(
        DecisionReport report,
        Formats fmt,
        List<Bar> municipalityBars,
        List<TornadoBar> tornado,
        List<String> payingMore,
        List<DriverNote> notes) {

    /** One municipality's as-is and to-be cost as percentages of the largest figure in the chart. */
    public record Bar(String label, Nok asIs, Nok toBe, BigDecimal asIsWidth, BigDecimal toBeWidth) {}

    /** One driver's savings range, as offsets and widths in percent of the chart's span. */
    public record TornadoBar(SensitivityRow row, BigDecimal left, BigDecimal width) {}

    public static ReportView of(DecisionReport report, Formats fmt) {
        ScenarioResult result = report.result();
        Nok max = Nok.ZERO;
        for (MunicipalityResult m : result.municipalities()) {
            max = max(max, max(m.steadyState().asIs(), m.steadyState().toBe()));
        }
        List<Bar> bars = new ArrayList<>();
        for (MunicipalityResult m : result.municipalities()) {
            bars.add(new Bar(
                    m.name(),
                    m.steadyState().asIs(),
                    m.steadyState().toBe(),
                    share(m.steadyState().asIs(), max),
                    share(m.steadyState().toBe(), max)));
        }
        Nok low = null;
        Nok high = null;
        for (SensitivityRow row : report.sensitivity().rows()) {
            Nok a = min(row.horizonSavingsLow(), row.horizonSavingsHigh());
            Nok b = max(row.horizonSavingsLow(), row.horizonSavingsHigh());
            low = low == null ? a : min(low, a);
            high = high == null ? b : max(high, b);
        }
        List<TornadoBar> tornado = new ArrayList<>();
        if (low != null && high != null) {
            Nok span = high.minus(low);
            for (SensitivityRow row : report.sensitivity().rows()) {
                Nok a = min(row.horizonSavingsLow(), row.horizonSavingsHigh());
                tornado.add(new TornadoBar(row, share(a.minus(low), span), share(row.swing(), span)));
            }
        }
        List<String> payingMore = result.municipalities().stream()
                .filter(m -> m.steadyState().paysMore())
                .map(MunicipalityResult::name)
                .toList();
        return new ReportView(report, fmt, bars, tornado, payingMore, ReportNotes.usedBy(result));
    }

    public SurveyAnswer answerOf(Kommunenummer kommunenummer) {
        return report.answers().getOrDefault(kommunenummer, SurveyAnswer.unanswered(kommunenummer));
    }

    private static BigDecimal share(Nok part, Nok whole) {
        if (whole.amount().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 1, RoundingMode.HALF_UP);
    }

    private static Nok max(Nok a, Nok b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Nok min(Nok a, Nok b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
