package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves which PostgreSQL the suite runs against. {@code .ci/run} starts Debian's PostgreSQL 15, sets
 * {@code SPRING_DATASOURCE_*} and {@code VARDE_EXPECTED_DATABASE_PORT}; then the accounts must be stored in
 * exactly that server. Without those variables the tests run on embedded PostgreSQL. Either way the
 * assertion compares against the server's own answer, so a run on the wrong database fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccountFixtures.class)
class ExternalDatabaseIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void accountsAreStoredInTheConfiguredPostgreSql() throws Exception {
        String expectedPort = System.getenv("VARDE_EXPECTED_DATABASE_PORT");
        String url;
        try (var connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        int serverPort =
                jdbc.sql("select inet_server_port()").query(Integer.class).single();
        String database =
                jdbc.sql("select current_database()").query(String.class).single();
        String user = jdbc.sql("select current_user").query(String.class).single();

        if (expectedPort != null && !expectedPort.isBlank()) {
            assertThat(System.getenv("SPRING_DATASOURCE_URL")).isEqualTo(url);
            assertThat(serverPort).isEqualTo(Integer.parseInt(expectedPort));
            assertThat(database).isEqualTo(System.getenv().getOrDefault("VARDE_EXPECTED_DATABASE_NAME", "varde"));
            assertThat(user).isEqualTo(System.getenv("SPRING_DATASOURCE_USERNAME"));
        } else {
            // embedded PostgreSQL: the application's role (not the superuser), database created by
            // EmbeddedPostgresServer
            assertThat(user).isEqualTo("varde_app");
            assertThat(database).isEqualTo("varde");
        }
        assertThat(url).startsWith("jdbc:postgresql://").contains(":" + serverPort + "/" + database);
        assertThat(accounts.findByUsername("sysadmin")).isPresent();
    }
}
