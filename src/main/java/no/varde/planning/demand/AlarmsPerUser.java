package no.varde.planning.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * Alarms a user raises a year, as the demand projection uses it: measured from operations (Varde's alarms needing a
 * human over the last complete months, a year's worth from the months that have alarms, over the residents with a
 * device in service today) when there are enough of them, otherwise the stated assumption. Says which.
 *
 * @param value alarms per user a year, 2 decimals
 * @param alarms alarms counted (MEASURED) in {@code monthsWithAlarms} months of the period {@code from}–{@code to}
 * @param users residents with a device in service (MEASURED)
 */
public record AlarmsPerUser(
        BigDecimal value,
        Source source,
        long alarms,
        int monthsWithAlarms,
        @Nullable YearMonth from,
        @Nullable YearMonth to,
        long users) {

    public enum Source {
        MEASURED,
        ASSUMED
    }

    /**
     * @param minimumAlarms fewer alarms than this (or no users) and the assumption is used: a handful of alarms says
     *     little about a year
     */
    public static AlarmsPerUser of(
            long alarms,
            int monthsWithAlarms,
            YearMonth from,
            YearMonth to,
            long users,
            long minimumAlarms,
            BigDecimal assumed) {
        if (alarms < minimumAlarms || users <= 0 || monthsWithAlarms <= 0) {
            return new AlarmsPerUser(
                    assumed.setScale(2, RoundingMode.HALF_UP),
                    Source.ASSUMED,
                    alarms,
                    monthsWithAlarms,
                    from,
                    to,
                    users);
        }
        BigDecimal perYear = BigDecimal.valueOf(alarms * 12)
                .divide(BigDecimal.valueOf((long) monthsWithAlarms * users), 2, RoundingMode.HALF_UP);
        return new AlarmsPerUser(perYear, Source.MEASURED, alarms, monthsWithAlarms, from, to, users);
    }
}
