package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded database of the development setup and the tests is not open to anyone on the machine: both its
 * superuser and the application's role need the password. Runs in the default suite, which always uses the
 * embedded database; CI's run against an external server selects only the {@code *IntegrationTests} classes,
 * whose server's authentication is its operator's configuration.
 */
@SpringBootTest
class EmbeddedDatabasePasswordTests {

    @Autowired
    DataSource dataSource;

    @Autowired(required = false)
    @FlywayDataSource
    DataSource embeddedOwner;

    @Test
    void theEmbeddedDatabaseRefusesConnectionsWithoutOrWithAWrongPassword() throws Exception {
        assertThat(embeddedOwner)
                .as("the default test suite runs on the embedded database with its own owner data source")
                .isNotNull();
        String url;
        try (var connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        for (String user : new String[] {"postgres", "varde_app"}) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            assertThatThrownBy(
                            () -> DriverManager.getConnection(url, noPassword).close())
                    .as(user + " without a password")
                    .hasMessageContaining("password");
            Properties wrong = new Properties();
            wrong.setProperty("user", user);
            wrong.setProperty("password", "not-the-password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close())
                    .as(user + " with a wrong password")
                    .hasMessageContaining("password authentication failed");
        }
    }
}
