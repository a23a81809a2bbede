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
        @Nullable Long technicalClosedByPeople,
        @Nullable Long devicesInService) {

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
                s.count(f.technicalClosedByPeople()),
                // null both when not recorded and when below the threshold (a device points at a resident)
                f.devicesInService() == null ? null : s.count(f.devicesInService()));
    }

    static List<FactsView> of(List<MonthFacts> facts, Suppression s) {
        return facts.stream().map(f -> of(f, s)).toList();
    }
}
