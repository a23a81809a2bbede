package no.varde.journal;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import no.varde.shared.Kommunenummer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each municipality's VKP endpoint and HelseID client. */
@Repository
public class JournalEndpoints {

    private final JdbcClient jdbc;
    private final Clock clock;

    JournalEndpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public java.util.List<JournalEndpoint> all() {
        return jdbc.sql("select * from journal_endpoint order by kommunenummer")
                .query((rs, row) -> endpoint(rs))
                .list();
    }

    public Optional<JournalEndpoint> find(Kommunenummer kommunenummer) {
        return jdbc.sql("select * from journal_endpoint where kommunenummer = ?")
                .param(kommunenummer.value())
                .query((rs, row) -> endpoint(rs))
                .optional();
    }

    private static JournalEndpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JournalEndpoint(
                new Kommunenummer(rs.getString("kommunenummer")),
                rs.getBoolean("enabled"),
                URI.create(rs.getString("base_url")),
                rs.getString("organisation_number"),
                rs.getString("client_id"),
                URI.create(rs.getString("token_endpoint")),
                rs.getString("private_key"),
                rs.getString("scope"));
    }

    public void save(JournalEndpoint endpoint) {
        jdbc.sql("""
                insert into journal_endpoint (kommunenummer, enabled, base_url, organisation_number, client_id,
                    token_endpoint, private_key, scope, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kommunenummer) do update set enabled = excluded.enabled, base_url = excluded.base_url,
                    organisation_number = excluded.organisation_number, client_id = excluded.client_id,
                    token_endpoint = excluded.token_endpoint, private_key = excluded.private_key,
                    scope = excluded.scope, updated_at = excluded.updated_at
                """)
                .params(
                        endpoint.kommunenummer().value(),
                        endpoint.enabled(),
                        endpoint.baseUrl().toString(),
                        endpoint.organisationNumber(),
                        endpoint.clientId(),
                        endpoint.tokenEndpoint().toString(),
                        endpoint.privateKey(),
                        endpoint.scope(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
