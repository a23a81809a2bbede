package no.varde.economics.scenario;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.ScenarioId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Which annual cost items take their FTE and amount from the staffing plan. */
@Repository
public class StaffingDrivenItems {

    private final JdbcClient jdbc;

    StaffingDrivenItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<CostItemId> of(ScenarioId scenario) {
        return new HashSet<>(jdbc.sql("select item_id from economics_staffing_driven_item where scenario_id = ?")
                .param(scenario.value())
                .query((rs, row) -> new CostItemId(rs.getObject("item_id", UUID.class)))
                .list());
    }

    @Transactional
    public void set(ScenarioId scenario, CostItemId item, boolean driven, String actor) {
        jdbc.sql("delete from economics_staffing_driven_item where item_id = ?")
                .param(item.value())
                .update();
        if (driven) {
            jdbc.sql("insert into economics_staffing_driven_item (item_id, scenario_id, linked_by) values (?, ?, ?)")
                    .params(item.value(), scenario.value(), actor)
                    .update();
        }
    }
}
