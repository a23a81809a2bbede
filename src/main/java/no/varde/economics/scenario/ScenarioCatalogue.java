package no.varde.economics.scenario;

import java.util.ArrayList;
import java.util.List;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, copies, changes and removes scenarios and their cost items. */
@Service
public class ScenarioCatalogue {

    private final Scenarios scenarios;

    ScenarioCatalogue(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    public List<Scenario> all() {
        return scenarios.all();
    }

    public Scenario get(ScenarioId id) {
        return scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
    }

    @Transactional
    public Scenario create(ScenarioDraft draft) {
        check(draft.problems());
        return scenarios.save(
                new Scenario(ScenarioId.random(), name(draft), description(draft), draft.remainingOrZero(), List.of()));
    }

    @Transactional
    public Scenario update(ScenarioId id, ScenarioDraft draft) {
        check(draft.problems());
        Scenario current = get(id);
        return scenarios.save(
                new Scenario(id, name(draft), description(draft), draft.remainingOrZero(), current.items()));
    }

    /** A new scenario with the same items (new ids), so a variant can be tried without touching the original. */
    @Transactional
    public Scenario copy(ScenarioId id, String newName) {
        Scenario original = get(id);
        check(new ScenarioDraft(newName, original.description(), original.remainingManualSharePercent()).problems());
        return scenarios.save(new Scenario(
                ScenarioId.random(),
                newName,
                original.description(),
                original.remainingManualSharePercent(),
                original.items().stream().map(CostItem::copy).toList()));
    }

    @Transactional
    public void delete(ScenarioId id) {
        if (!scenarios.delete(id)) {
            throw new NotFoundException("scenario", id);
        }
    }

    @Transactional
    public CostItem addItem(ScenarioId id, CostItemDraft draft) {
        Scenario scenario = get(id);
        CostItem item = draft.toItem(CostItemId.random());
        List<CostItem> items = new ArrayList<>(scenario.items());
        items.add(item);
        scenarios.save(scenario.withItems(items));
        return item;
    }

    @Transactional
    public CostItem updateItem(ScenarioId id, CostItemId itemId, CostItemDraft draft) {
        Scenario scenario = get(id);
        CostItem item = draft.toItem(itemId);
        List<CostItem> items = new ArrayList<>(scenario.items());
        items.set(indexOf(scenario, itemId), item);
        scenarios.save(scenario.withItems(items));
        return item;
    }

    @Transactional
    public void removeItem(ScenarioId id, CostItemId itemId) {
        Scenario scenario = get(id);
        List<CostItem> items = new ArrayList<>(scenario.items());
        items.remove(indexOf(scenario, itemId));
        scenarios.save(scenario.withItems(items));
    }

    public CostItem item(ScenarioId id, CostItemId itemId) {
        Scenario scenario = get(id);
        return scenario.items().get(indexOf(scenario, itemId));
    }

    private static int indexOf(Scenario scenario, CostItemId itemId) {
        for (int i = 0; i < scenario.items().size(); i++) {
            if (scenario.items().get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw new NotFoundException("cost item", itemId);
    }

    @SuppressWarnings("NullAway")
    private static String name(ScenarioDraft draft) {
        return draft.name().strip();
    }

    private static String description(ScenarioDraft draft) {
        return draft.description() == null ? "" : draft.description().strip();
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-ECON-0022: the scenario has invalid fields", problems);
        }
    }
}
