package no.varde.planning.demand;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The imported population projection; an import replaces it whole. */
@Repository
public class Populations {

    private final JdbcClient jdbc;
    private final Clock clock;

    Populations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ImportInfo(String fileName, String label, String importedBy, String importedAt) {}

    @Transactional
    public void replace(ProjectionCsv.Projection projection, String fileName, String label, String actor) {
        jdbc.sql("delete from planning_population").update();
        projection
                .persons()
                .forEach((kommune, years) -> years.forEach((year, groups) ->
                        groups.forEach((group, n) -> jdbc.sql("insert into planning_population values (?, ?, ?, ?)")
                                .params(kommune, year, group.name(), n)
                                .update())));
        jdbc.sql("""
                        insert into planning_population_import values (1, :file, :label, :by, :at)
                        on conflict (id) do update set file_name = excluded.file_name, label = excluded.label,
                            imported_by = excluded.imported_by, imported_at = excluded.imported_at""")
                .param("file", fileName)
                .param("label", label)
                .param("by", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Persons by year, municipality and age group. */
    public Map<Integer, Map<String, Map<AgeGroup, Long>>> byYear() {
        Map<Integer, Map<String, Map<AgeGroup, Long>>> result = new TreeMap<>();
        jdbc.sql("select * from planning_population").query(rs -> {
            result.computeIfAbsent(rs.getInt("year"), y -> new TreeMap<>())
                    .computeIfAbsent(rs.getString("kommunenummer"), k -> new EnumMap<>(AgeGroup.class))
                    .put(AgeGroup.valueOf(rs.getString("age_group")), rs.getLong("persons"));
        });
        return result;
    }

    public Optional<ImportInfo> lastImport() {
        return jdbc.sql("select * from planning_population_import where id = 1")
                .query((rs, row) -> new ImportInfo(
                        rs.getString("file_name"),
                        rs.getString("label"),
                        rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant().toString()))
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from planning_population")
                        .query(Long.class)
                        .single()
                == 0;
    }
}
