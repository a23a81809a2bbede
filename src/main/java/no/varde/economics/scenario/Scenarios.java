package no.varde.economics.scenario;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.CostKind;
import no.varde.economics.model.Nok;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.economics.model.SplitKey;
import no.varde.shared.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The scenarios with their cost items. A scenario is saved whole: its items are replaced in order. */
@Repository
public class Scenarios {

    private final JdbcClient jdbc;

    Scenarios(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Scenario> all() {
        Map<UUID, List<CostItem>> items = new LinkedHashMap<>();
        jdbc.sql("select * from economics_cost_item order by scenario_id, position")
                .query((rs, row) -> {
                    items.computeIfAbsent(rs.getObject("scenario_id", UUID.class), id -> new ArrayList<>())
                            .add(item(rs));
                    return 0;
                })
                .list();
        return jdbc.sql("select * from economics_scenario order by created_at, name")
                .query((rs, row) -> scenario(rs, items.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    public Optional<Scenario> find(ScenarioId id) {
        List<CostItem> items = jdbc.sql("select * from economics_cost_item where scenario_id = ? order by position")
                .param(id.value())
                .query((rs, row) -> item(rs))
                .list();
        return jdbc.sql("select * from economics_scenario where id = ?")
                .param(id.value())
                .query((rs, row) -> scenario(rs, items))
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from economics_scenario")
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** Creates or replaces the scenario and its items; a name another scenario has is a conflict. */
    @Transactional
    public Scenario save(Scenario scenario) {
        try {
            jdbc.sql("""
                    insert into economics_scenario (id, name, description, remaining_manual_share)
                    values (:id, :name, :description, :remaining)
                    on conflict (id) do update set name = excluded.name, description = excluded.description,
                        remaining_manual_share = excluded.remaining_manual_share, updated_at = now()
                    """)
                    .param("id", scenario.id().value())
                    .param("name", scenario.name())
                    .param("description", scenario.description())
                    .param("remaining", scenario.remainingManualSharePercent())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("VARDE-ECON-0020: a scenario named '" + scenario.name() + "' already exists");
        }
        jdbc.sql("delete from economics_cost_item where scenario_id = ?")
                .param(scenario.id().value())
                .update();
        int position = 0;
        for (CostItem item : scenario.items()) {
            jdbc.sql("""
                    insert into economics_cost_item (id, scenario_id, position, name, kind, amount, fte, split_key)
                    values (:id, :scenario, :position, :name, :kind, :amount, :fte, :key)
                    """)
                    .param("id", item.id().value())
                    .param("scenario", scenario.id().value())
                    .param("position", position++)
                    .param("name", item.name())
                    .param("kind", item.kind().name())
                    .param("amount", item.amount().amount())
                    .param("fte", item.fte())
                    .param("key", item.splitKey().toString())
                    .update();
        }
        return scenario;
    }

    @Transactional
    public boolean delete(ScenarioId id) {
        return jdbc.sql("delete from economics_scenario where id = ?")
                        .param(id.value())
                        .update()
                > 0;
    }

    private static Scenario scenario(ResultSet rs, List<CostItem> items) throws SQLException {
        return new Scenario(
                new ScenarioId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                rs.getBigDecimal("remaining_manual_share"),
                items);
    }

    private static CostItem item(ResultSet rs) throws SQLException {
        BigDecimal fte = rs.getBigDecimal("fte");
        return new CostItem(
                new CostItemId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                CostKind.valueOf(rs.getString("kind")),
                new Nok(rs.getBigDecimal("amount")),
                fte,
                SplitKey.parse(rs.getString("split_key")));
    }
}
