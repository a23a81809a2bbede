package no.varde.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Home-care teams with their ordered call-out chains. */
@Repository
public class HomeCareTeams {

    private final JdbcClient jdbc;

    HomeCareTeams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The teams whose call-out chains (names and phones of staff) the scope may see: a municipality's users see
     * its own teams, the response centre the municipalities it serves, an analyst none.
     */
    public List<HomeCareTeam> visibleIn(AccessScope scope) {
        if (scope.everything()) {
            return all();
        }
        return jdbc
                .sql("select id from home_care_team where kommunenummer = any(?) order by kommunenummer, name")
                .param(scope.sqlArray())
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    /** One team, if the scope may see it. */
    public Optional<HomeCareTeam> find(AccessScope scope, UUID id) {
        return find(id).filter(team -> scope.allows(team.kommunenummer()));
    }

    /** For system work (dispatch) and pages that have already checked the scope. */
    public List<HomeCareTeam> all() {
        return ids("select id from home_care_team order by kommunenummer, name", null);
    }

    public List<HomeCareTeam> ofMunicipality(Kommunenummer kommunenummer) {
        return ids("select id from home_care_team where kommunenummer = ? order by name", kommunenummer.value());
    }

    private List<HomeCareTeam> ids(String sql, String param) {
        var statement = jdbc.sql(sql);
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    public Optional<HomeCareTeam> find(UUID id) {
        return jdbc.sql("select * from home_care_team where id = ?")
                .param(id)
                .query((rs, row) -> new HomeCareTeam(
                        id,
                        new Kommunenummer(rs.getString("kommunenummer")),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("notes"),
                        chain(id)))
                .optional();
    }

    private List<CalloutContact> chain(UUID teamId) {
        return jdbc.sql("select * from home_care_contact where team_id = ? order by position")
                .param(teamId)
                .query((rs, row) -> new CalloutContact(
                        rs.getInt("position"), rs.getString("name"), rs.getString("role_title"), rs.getString("phone")))
                .list();
    }

    @Transactional
    public HomeCareTeam save(HomeCareTeam team) {
        List<FieldProblem> problems = validate(team);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The home-care team has invalid fields", problems);
        }
        jdbc.sql("""
                insert into home_care_team (id, kommunenummer, name, phone, notes) values (:id, :knr, :name, :phone, :notes)
                on conflict (id) do update set name = excluded.name, phone = excluded.phone, notes = excluded.notes,
                    updated_at = now()
                """)
                .param("id", team.id())
                .param("knr", team.kommunenummer().value())
                .param("name", team.name().strip())
                .param("phone", blankToNull(team.phone()))
                .param("notes", blankToNull(team.notes()))
                .update();
        jdbc.sql("delete from home_care_contact where team_id = ?")
                .param(team.id())
                .update();
        int position = 1;
        for (CalloutContact contact : team.calloutChain()) {
            jdbc.sql(
                            "insert into home_care_contact (team_id, position, name, role_title, phone) values (?, ?, ?, ?, ?)")
                    .params(
                            team.id(),
                            position++,
                            contact.name().strip(),
                            blankToNull(contact.roleTitle()),
                            contact.phone().strip())
                    .update();
        }
        return find(team.id()).orElseThrow();
    }

    static List<FieldProblem> validate(HomeCareTeam team) {
        List<FieldProblem> problems = new ArrayList<>();
        if (team.name() == null || team.name().isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        }
        for (int i = 0; i < team.calloutChain().size(); i++) {
            CalloutContact contact = team.calloutChain().get(i);
            if (contact.name() == null || contact.name().isBlank()) {
                problems.add(new FieldProblem("calloutChain[" + i + "].name", "must not be blank"));
            }
            if (!Phones.isValid(contact.phone())) {
                problems.add(new FieldProblem("calloutChain[" + i + "].phone", Phones.RULE));
            }
        }
        if (team.phone() != null && !team.phone().isBlank() && !Phones.isValid(team.phone())) {
            problems.add(new FieldProblem("phone", Phones.RULE));
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
