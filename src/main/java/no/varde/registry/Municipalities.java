package no.varde.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The municipalities of the region. Not personal data: every signed-in user may read them. */
@Repository
public class Municipalities {

    private static final RowMapper<Municipality> MAPPER = (rs, row) -> new Municipality(
            new Kommunenummer(rs.getString("kommunenummer")), rs.getString("name"), rs.getInt("population"));

    private final JdbcClient jdbc;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> all() {
        return jdbc.sql("select * from municipality order by kommunenummer")
                .query(MAPPER)
                .list();
    }

    /** The municipalities whose residents the scope allows, for pickers and filters. */
    public List<Municipality> visibleIn(AccessScope scope) {
        return all().stream().filter(m -> scope.allows(m.kommunenummer())).toList();
    }

    /** Municipality names by kommunenummer, for tables that show numbers as names. */
    public java.util.Map<String, String> namesByNumber() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all().forEach(m -> names.put(m.kommunenummer().value(), m.name()));
        return names;
    }

    public Optional<Municipality> find(Kommunenummer kommunenummer) {
        return jdbc.sql("select * from municipality where kommunenummer = ?")
                .param(kommunenummer.value())
                .query(MAPPER)
                .optional();
    }

    public boolean exists(Kommunenummer kommunenummer) {
        return find(kommunenummer).isPresent();
    }

    public int totalPopulation() {
        return jdbc.sql("select coalesce(sum(population), 0) from municipality")
                .query(Integer.class)
                .single();
    }

    /** Creates the municipality or updates its name and population. */
    @Transactional
    public Municipality save(Municipality municipality) {
        List<FieldProblem> problems = validate(municipality.name(), municipality.population());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The municipality has invalid fields", problems);
        }
        jdbc.sql("""
                insert into municipality (kommunenummer, name, population) values (:knr, :name, :population)
                on conflict (kommunenummer) do update
                   set name = excluded.name, population = excluded.population, updated_at = now()
                """)
                .param("knr", municipality.kommunenummer().value())
                .param("name", municipality.name().strip())
                .param("population", municipality.population())
                .update();
        return municipality;
    }

    @Transactional
    public void saveAll(Collection<Municipality> municipalities) {
        municipalities.forEach(this::save);
    }

    public static List<FieldProblem> validate(String name, int population) {
        var problems = new java.util.ArrayList<FieldProblem>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        }
        if (population < 0) {
            problems.add(new FieldProblem("population", "must be zero or more"));
        }
        return problems;
    }
}
