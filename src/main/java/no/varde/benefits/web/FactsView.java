package no.varde.benefits.web;

import java.time.YearMonth;
import java.util.List;
import no.varde.benefits.MonthFacts;
import no.varde.benefits.Suppression;
import org.jspecify.annotations.Nullable;

/** Facts as analysts see them: counts from 1 to below the threshold are null (suppressed), not shown. */
record FactsView(
        String kommunenummer,
        YearMonth month,
        @Nullable Long alarms,
        @Nullable Long technical,
        @Nullable Long resolvedByPhone,
        @Nullable Long callouts,
        @Nullable Long handlingMinutes,
        @Nullable Long answered,
        @Nullable Long answeredWithinTarget,
        @Nullable Double answeredWithinTargetPercent,
        @Nullable Long technicalClosedByRules,
        @Nullable Long technicalClosedByPeople) {

    static FactsView of(MonthFacts f, Suppression s) {
        boolean shareShown = f.answered() > 0 && !s.suppressed(f.answered());
        return new FactsView(
                f.kommunenummer(),
                f.month(),
                s.count(f.alarms()),
                s.count(f.technical()),
                s.count(f.resolvedByPhone()),
                s.count(f.callouts()),
                // minutes over few alarms would reveal them too
                s.suppressed(f.alarms() + f.technical()) ? null : Math.round(f.handlingMinutes()),
                s.count(f.answered()),
                s.count(f.answeredWithinTarget()),
                shareShown ? Math.round(1000.0 * f.answeredWithinTarget() / f.answered()) / 10.0 : null,
                s.count(f.technicalClosedByRules()),
                s.count(f.technicalClosedByPeople()));
    }

    static List<FactsView> of(List<MonthFacts> facts, Suppression s) {
        return facts.stream().map(f -> of(f, s)).toList();
    }

    /** Devices in service in a month: null when from 1 to below the threshold (a device points at a resident). */
    record Devices(
            String kommunenummer, YearMonth month, @Nullable Long devicesInService) {

        static List<Devices> of(List<no.varde.benefits.DeviceFacts> facts, Suppression s) {
            return facts.stream()
                    .map(f -> new Devices(f.kommunenummer(), f.month(), s.count(f.devicesInService())))
                    .toList();
        }
    }
}
