package no.varde.benefits;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A benefit indicator of the plan. Baseline and target are values per month in {@code unit}; the plan moves
 * linearly from the baseline at {@code startMonth} to the target at {@code targetMonth} and stays there.
 *
 * @param owner the municipality that owns the benefit, or null for the region
 * @param baselineNote what the baseline rests on (e.g. the as-is survey: 29 500 hours of manual follow-up a year)
 * @param minutesPerAlarm for RULE_HOURS: the minutes a technical alarm took a person before rules handled it
 */
public record Indicator(
        UUID id,
        String name,
        BenefitArea area,
        String unit,
        @Nullable String owner,
        BigDecimal baseline,
        String baselineNote,
        BigDecimal target,
        YearMonth startMonth,
        YearMonth targetMonth,
        MeasurementSource source,
        @Nullable BigDecimal minutesPerAlarm,
        String changedBy) {

    public Indicator {
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("VARDE-BEN-0001: an indicator needs a name");
        }
        if (!targetMonth.isAfter(startMonth)) {
            throw new IllegalArgumentException("VARDE-BEN-0001: the target month must come after the start month");
        }
        if (source == MeasurementSource.RULE_HOURS && (minutesPerAlarm == null || minutesPerAlarm.signum() < 0)) {
            throw new IllegalArgumentException("VARDE-BEN-0001: hours saved by rules need the minutes per alarm");
        }
    }

    /** The planned value of a month: baseline until the start, linear to the target, the target afterwards. */
    public BigDecimal planned(YearMonth month) {
        long span = startMonth.until(targetMonth, java.time.temporal.ChronoUnit.MONTHS);
        long done = Math.max(0, Math.min(span, startMonth.until(month, java.time.temporal.ChronoUnit.MONTHS)));
        return baseline.add(target.subtract(baseline)
                .multiply(BigDecimal.valueOf(done))
                .divide(BigDecimal.valueOf(span), 2, java.math.RoundingMode.HALF_UP));
    }
}
