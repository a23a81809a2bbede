package no.varde.economics.report;

import java.util.List;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.ScenarioResult;

/** The notes on counted split drivers that matter for a scenario: those of the drivers its items use. */
public final class ReportNotes {

    private ReportNotes() {}

    public static List<DriverNote> usedBy(ScenarioResult result) {
        return result.driverNotes().stream()
                .filter(note -> result.scenario().items().stream()
                        .map(CostItem::splitKey)
                        .anyMatch(key -> key.weightOf(note.driver()) > 0))
                .toList();
    }
}
