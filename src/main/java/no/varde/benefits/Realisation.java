package no.varde.benefits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Realised against planned, month by month, for one indicator in one scope (a municipality or the region). */
public record Realisation(Indicator indicator, @Nullable String kommunenummer, List<Row> months) {

    /**
     * @param realised the measured value, or null when nothing is measured for the month
     * @param entries manual values behind it (who and when), empty for measured sources
     */
    public record Row(
            YearMonth month, BigDecimal planned, @Nullable BigDecimal realised, List<Entry> entries) {

        public @Nullable BigDecimal difference() {
            return realised == null ? null : realised.subtract(planned);
        }
    }

    public record Entry(
            @Nullable String kommunenummer, BigDecimal value, String note, String enteredBy, String enteredAt) {}

    /** Realised values from operations: hours saved by rules or the share answered in time, per month. */
    static Realisation measured(
            Indicator indicator,
            @Nullable String kommunenummer,
            List<MonthFacts> facts,
            YearMonth from,
            YearMonth to,
            Suppression suppression) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            YearMonth m = month;
            List<MonthFacts> ofMonth = facts.stream()
                    .filter(f -> f.month().equals(m))
                    .filter(f -> kommunenummer == null || f.kommunenummer().equals(kommunenummer))
                    .toList();
            // a municipality's value over fewer alarms than the threshold could point at a person
            boolean small = kommunenummer != null
                    && suppression.suppressed(ofMonth.stream()
                            .mapToLong(f -> indicator.source() == MeasurementSource.RULE_HOURS
                                    ? f.technicalClosedByRules()
                                    : f.answered())
                            .sum());
            rows.add(new Row(month, indicator.planned(month), small ? null : value(indicator, ofMonth), List.of()));
        }
        return new Realisation(indicator, kommunenummer, rows);
    }

    static Realisation manual(
            Indicator indicator,
            @Nullable String kommunenummer,
            Map<YearMonth, List<Entry>> entries,
            YearMonth from,
            YearMonth to) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            List<Entry> ofMonth = entries.getOrDefault(month, List.of()).stream()
                    .filter(e -> kommunenummer == null || kommunenummer.equals(e.kommunenummer()))
                    .toList();
            BigDecimal realised = ofMonth.isEmpty()
                    ? null
                    : ofMonth.stream().map(Entry::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new Row(month, indicator.planned(month), realised, ofMonth));
        }
        return new Realisation(indicator, kommunenummer, rows);
    }

    private static @Nullable BigDecimal value(Indicator indicator, List<MonthFacts> facts) {
        return switch (indicator.source()) {
            case RULE_HOURS -> {
                long byRules = facts.stream()
                        .mapToLong(MonthFacts::technicalClosedByRules)
                        .sum();
                yield BigDecimal.valueOf(byRules)
                        .multiply(indicator.minutesPerAlarm())
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            }
            case ANSWER_SHARE -> {
                long answered = facts.stream().mapToLong(MonthFacts::answered).sum();
                long within = facts.stream()
                        .mapToLong(MonthFacts::answeredWithinTarget)
                        .sum();
                yield answered == 0
                        ? null
                        : BigDecimal.valueOf(within * 100L)
                                .divide(BigDecimal.valueOf(answered), 1, RoundingMode.HALF_UP);
            }
            case MANUAL -> null;
        };
    }
}
