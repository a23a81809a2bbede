package no.varde.ingest;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An alarm acknowledged with 202 survives the sender's node being killed right after the answer: a separate Varde
 * process on the same PostgreSQL answers, is killed with SIGKILL at once, and the alarm is there.
 */
@SpringBootTest
class CrashDurabilityIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void acknowledgedAlarmSurvivesAKillRightAfterTheAnswer() throws Exception {
        int port = freePort();
        Process node = startNode(port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitHealthy(http, port, node);
            String eventId = uniqueEventId();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    event(eventId, "FALL", safetyAlarmController(jdbc, "1813", 5))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            node.destroyForcibly();
            assertThat(answer.statusCode()).isEqualTo(202);
            node.waitFor();
            UUID alarm = UUID.fromString(JsonPath.read(answer.body(), "$.alarmId"));
            assertThat(jdbc.sql("select state from alarm where id = ?")
                            .param(alarm)
                            .query(String.class)
                            .single())
                    .isEqualTo("RECEIVED");
            assertThat(jdbc.sql("select alarm_id from received_event where event_key = ?")
                            .param(eventId)
                            .query(UUID.class)
                            .single())
                    .isEqualTo(alarm);
        } finally {
            node.destroyForcibly();
        }
    }

    private Process startNode(int port) throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "no.varde.VardeApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword())));
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/crash-node.log"));
        return builder.start();
    }

    private static void awaitHealthy(HttpClient http, int port, Process node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("the second node exited; see target/crash-node.log");
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the second node did not start within 120 s; see target/crash-node.log");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
