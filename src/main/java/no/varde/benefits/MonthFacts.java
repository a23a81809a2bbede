package no.varde.benefits;

import java.time.YearMonth;

/**
 * What Varde's alarm record says about one municipality in one month (alarms received in the month). Devices in
 * service are a fact of their own ({@link DeviceFacts}): a stock at the month's end, not a count of events.
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
        long technicalClosedByPeople) {

    static MonthFacts empty(String kommunenummer, YearMonth month) {
        return new MonthFacts(kommunenummer, month, 0, 0, 0, 0, 0, 0, 0, 0, 0);
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
                technicalClosedByPeople + o.technicalClosedByPeople);
    }
}
