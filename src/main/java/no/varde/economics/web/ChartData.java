package no.varde.economics.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.model.SensitivityRow;
import no.varde.economics.model.YearResult;
import org.springframework.context.MessageSource;

/** The figures the page's charts draw (Chart.js), with their labels in the user's language. */
record ChartData(Series municipalities, Series years, Tornado tornado) {

    record Series(List<String> labels, List<Dataset> datasets) {}

    record Dataset(String label, List<BigDecimal> data) {}

    /**
     * @param ranges per driver: horizon savings at the low value, then at the high value
     * @param lowLabel legend of the low value's bars (the driver −percent), highLabel of the high value's
     * @param baseLabel the vertical line at today's horizon savings
     */
    record Tornado(
            String label,
            List<String> labels,
            List<List<BigDecimal>> ranges,
            BigDecimal base,
            String lowLabel,
            String highLabel,
            String baseLabel) {}

    static ChartData of(ScenarioResult result, SensitivityResult sensitivity, MessageSource messages, Locale locale) {
        List<MunicipalityResult> ms = result.municipalities();
        Series municipalities = new Series(
                ms.stream().map(MunicipalityResult::name).toList(),
                List.of(
                        new Dataset(
                                message(messages, locale, "economics.result.asIs"),
                                ms.stream()
                                        .map(m -> m.steadyState().asIs().amount())
                                        .toList()),
                        new Dataset(
                                message(messages, locale, "economics.chart.toBeSteady"),
                                ms.stream()
                                        .map(m -> m.steadyState().toBe().amount())
                                        .toList()),
                        new Dataset(
                                message(messages, locale, "economics.chart.toBeFirstYear"),
                                ms.stream()
                                        .map(m -> m.firstYear().toBe().amount())
                                        .toList())));
        List<YearResult> ys = result.years();
        Series years = new Series(
                ys.stream()
                        .map(y -> message(messages, locale, "economics.chart.year", y.year()))
                        .toList(),
                List.of(
                        new Dataset(
                                message(messages, locale, "economics.result.asIs"),
                                ys.stream().map(y -> y.asIs().amount()).toList()),
                        new Dataset(
                                message(messages, locale, "economics.result.toBe"),
                                ys.stream().map(y -> y.toBe().amount()).toList()),
                        new Dataset(
                                message(messages, locale, "economics.col.cumulativeSavings"),
                                ys.stream()
                                        .map(y -> y.cumulativeSavings().amount())
                                        .toList())));
        List<SensitivityRow> rows = sensitivity.rows();
        Tornado tornado = new Tornado(
                message(messages, locale, "economics.chart.tornado", sensitivity.percent(), sensitivity.horizonYears()),
                rows.stream().map(r -> driverLabel(r, messages, locale)).toList(),
                rows.stream()
                        .map(r -> List.of(
                                r.horizonSavingsLow().amount(),
                                r.horizonSavingsHigh().amount()))
                        .toList(),
                sensitivity.baseHorizonSavings().amount(),
                message(messages, locale, "economics.chart.tornadoLow", sensitivity.percent()),
                message(messages, locale, "economics.chart.tornadoHigh", sensitivity.percent()),
                message(messages, locale, "economics.chart.tornadoBase"));
        return new ChartData(municipalities, years, tornado);
    }

    static String driverLabel(SensitivityRow row, MessageSource messages, Locale locale) {
        String driver = message(messages, locale, "economics.driver." + row.driver());
        return row.itemName() == null ? driver : driver + ": " + row.itemName();
    }

    private static String message(MessageSource messages, Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
