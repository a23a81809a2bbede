package no.varde.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Response centres and the municipalities each serves. */
@Repository
public class ResponseCentres {

    private final JdbcClient jdbc;

    ResponseCentres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ResponseCentre> all() {
        return jdbc.sql("select id from response_centre order by name").query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    public Optional<ResponseCentre> find(UUID id) {
        return jdbc.sql("select * from response_centre where id = ?")
                .param(id)
                .query((rs, row) -> new ResponseCentre(
                        id,
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("host_kommunenummer") == null
                                ? null
                                : new Kommunenummer(rs.getString("host_kommunenummer")),
                        served(id)))
                .optional();
    }

    public Optional<ResponseCentre> findByName(String name) {
        return jdbc.sql("select id from response_centre where name = ?")
                .param(name)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    private List<Kommunenummer> served(UUID id) {
        return jdbc.sql("select kommunenummer from response_centre_municipality where response_centre_id = ?"
                        + " order by kommunenummer")
                .param(id)
                .query((rs, row) -> new Kommunenummer(rs.getString(1)))
                .list();
    }

    @Transactional
    public ResponseCentre save(ResponseCentre centre) {
        jdbc.sql("""
                insert into response_centre (id, name, phone, host_kommunenummer) values (:id, :name, :phone, :host)
                on conflict (id) do update set name = excluded.name, phone = excluded.phone,
                    host_kommunenummer = excluded.host_kommunenummer, updated_at = now()
                """)
                .param("id", centre.id())
                .param("name", centre.name())
                .param("phone", centre.phone())
                .param(
                        "host",
                        centre.hostKommunenummer() == null
                                ? null
                                : centre.hostKommunenummer().value())
                .update();
        jdbc.sql("delete from response_centre_municipality where response_centre_id = ?")
                .param(centre.id())
                .update();
        for (Kommunenummer kommunenummer : centre.servedMunicipalities()) {
            jdbc.sql("insert into response_centre_municipality (response_centre_id, kommunenummer) values (?, ?)")
                    .params(centre.id(), kommunenummer.value())
                    .update();
        }
        return centre;
    }
}
