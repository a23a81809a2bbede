package no.varde.benefits;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * What Varde's own record says about one municipality in one month (alarms received in the month).
 *
 * @param alarms alarms needing a human (category ALARM)
 * @param technical technical alarms (the device, not the person)
 * @param resolvedByPhone alarms closed as resolved by phone
 * @param callouts alarms that sent the home-care team
 * @param handlingMinutes operator minutes, claim to close, over all categories
 * @param answered alarms claimed by an operator
 * @param answeredWithinTarget of those, claimed within the answer-time target
 * @param technicalClosedByRules technical alarms closed without a person
 * @param technicalClosedByPeople technical alarms a person closed
 * @param devicesInService devices in service (registry status ACTIVE) in the month: today's count for the current
 *     month, the recorded month-end count for a past one; null when none was recorded
 */
public record MonthFacts(
        String kommunenummer,
        YearMonth month,
        long alarms,
        long technical,
        long resolvedByPhone,
        long callouts,
        double handlingMinutes,
        long answered,
        long answeredWithinTarget,
        long technicalClosedByRules,
        long technicalClosedByPeople,
        @Nullable Long devicesInService) {

    /** The alarm facts, with no devices figure. */
    public MonthFacts(
            String kommunenummer,
            YearMonth month,
            long alarms,
            long technical,
            long resolvedByPhone,
            long callouts,
            double handlingMinutes,
            long answered,
            long answeredWithinTarget,
            long technicalClosedByRules,
            long technicalClosedByPeople) {
        this(
                kommunenummer,
                month,
                alarms,
                technical,
                resolvedByPhone,
                callouts,
                handlingMinutes,
                answered,
                answeredWithinTarget,
                technicalClosedByRules,
                technicalClosedByPeople,
                null);
    }

    static MonthFacts empty(String kommunenummer, YearMonth month) {
        return new MonthFacts(kommunenummer, month, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    MonthFacts withDevices(long devices) {
        return new MonthFacts(
                kommunenummer,
                month,
                alarms,
                technical,
                resolvedByPhone,
                callouts,
                handlingMinutes,
                answered,
                answeredWithinTarget,
                technicalClosedByRules,
                technicalClosedByPeople,
                devices);
    }

    MonthFacts plus(MonthFacts o) {
        return new MonthFacts(
                kommunenummer,
                month,
                alarms + o.alarms,
                technical + o.technical,
                resolvedByPhone + o.resolvedByPhone,
                callouts + o.callouts,
                handlingMinutes + o.handlingMinutes,
                answered + o.answered,
                answeredWithinTarget + o.answeredWithinTarget,
                technicalClosedByRules + o.technicalClosedByRules,
                technicalClosedByPeople + o.technicalClosedByPeople,
                devicesInService == null && o.devicesInService == null
                        ? null
                        : (devicesInService == null ? 0 : devicesInService)
                                + (o.devicesInService == null ? 0 : o.devicesInService));
    }
}
