package no.varde.benefits.measures;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The measures portfolio in PostgreSQL; a measure is saved whole. */
@Repository
public class Measures {

    private final JdbcClient jdbc;
    private final Clock clock;

    Measures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Measure> all() {
        Map<UUID, Set<String>> municipalities = new HashMap<>();
        jdbc.sql("select * from benefits_measure_municipality").query(rs -> {
            municipalities
                    .computeIfAbsent(rs.getObject("measure_id", UUID.class), k -> new HashSet<>())
                    .add(rs.getString("kommunenummer"));
        });
        Map<UUID, TreeMap<Integer, BigDecimal>> years = new HashMap<>();
        jdbc.sql("select * from benefits_measure_year").query(rs -> {
            years.computeIfAbsent(rs.getObject("measure_id", UUID.class), k -> new TreeMap<>())
                    .put(rs.getInt("year"), rs.getBigDecimal("cost"));
        });
        Map<UUID, List<Measure.Involvement>> involvement = new HashMap<>();
        jdbc.sql("select * from benefits_measure_involvement order by happened_on, id")
                .query(rs -> {
                    involvement
                            .computeIfAbsent(rs.getObject("measure_id", UUID.class), k -> new ArrayList<>())
                            .add(new Measure.Involvement(
                                    rs.getString("party"),
                                    rs.getString("description"),
                                    rs.getDate("happened_on").toLocalDate(),
                                    rs.getString("entered_by")));
                });
        Map<UUID, Set<UUID>> indicators = new HashMap<>();
        jdbc.sql("select * from benefits_measure_indicator").query(rs -> {
            indicators
                    .computeIfAbsent(rs.getObject("measure_id", UUID.class), k -> new HashSet<>())
                    .add(rs.getObject("indicator_id", UUID.class));
        });
        return jdbc.sql("select * from benefits_measure order by name")
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Measure(
                            id,
                            rs.getString("need"),
                            rs.getString("name"),
                            rs.getString("owner"),
                            Stage.valueOf(rs.getString("stage")),
                            municipalities.getOrDefault(id, Set.of()),
                            years.getOrDefault(id, new TreeMap<>()),
                            involvement.getOrDefault(id, List.of()),
                            indicators.getOrDefault(id, Set.of()),
                            rs.getString("economics_item"),
                            rs.getInt("version"));
                })
                .list();
    }

    public Optional<Measure> find(UUID id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Transactional
    public Measure save(Measure measure, String actor) {
        jdbc.sql("""
                        insert into benefits_measure (id, need, name, owner, stage, economics_item, changed_by, changed_at)
                        values (:id, :need, :name, :owner, :stage, :item, :by, :at)
                        on conflict (id) do update set need = excluded.need, name = excluded.name, owner = excluded.owner,
                            stage = excluded.stage, economics_item = excluded.economics_item,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at,
                            version = benefits_measure.version + 1""")
                .param("id", measure.id())
                .param("need", measure.need())
                .param("name", measure.name())
                .param("owner", measure.owner())
                .param("stage", measure.stage().name())
                .param("item", measure.economicsItem())
                .param("by", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("delete from benefits_measure_municipality where measure_id = ?")
                .param(measure.id())
                .update();
        for (String k : measure.municipalities()) {
            jdbc.sql("insert into benefits_measure_municipality values (?, ?)")
                    .params(measure.id(), k)
                    .update();
        }
        jdbc.sql("delete from benefits_measure_year where measure_id = ?")
                .param(measure.id())
                .update();
        measure.costPerYear()
                .forEach((year, cost) -> jdbc.sql("insert into benefits_measure_year values (?, ?, ?)")
                        .params(measure.id(), year, cost)
                        .update());
        jdbc.sql("delete from benefits_measure_indicator where measure_id = ?")
                .param(measure.id())
                .update();
        for (UUID indicator : measure.indicators()) {
            jdbc.sql("insert into benefits_measure_indicator values (?, ?)")
                    .params(measure.id(), indicator)
                    .update();
        }
        jdbc.sql("delete from benefits_measure_involvement where measure_id = ?")
                .param(measure.id())
                .update();
        for (Measure.Involvement i : measure.involvement()) {
            jdbc.sql("""
                            insert into benefits_measure_involvement (measure_id, party, description, happened_on, entered_by)
                            values (?, ?, ?, ?, ?)""")
                    .params(measure.id(), i.party(), i.description(), Date.valueOf(i.happenedOn()), i.enteredBy())
                    .update();
        }
        return find(measure.id()).orElseThrow();
    }
}
