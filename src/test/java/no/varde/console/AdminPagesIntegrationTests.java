package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations (a token shown once that works at the ingest API), rejected input, the alarm-type table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesIntegrationTests {

    static final Pattern TOKEN = Pattern.compile("<code id=\"token\" class=\"token\">([^<]+)</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theIntegrationsPageCreatesAWorkingTokenShownOnceAndDisablingItLocksTheSenderOut() throws Exception {
        ConsoleTestClient sysadmin = ConsoleTestClient.signIn(port, "sysadmin");
        String list = sysadmin.get("/integrations").body();
        String name = "Leverandør " + UUID.randomUUID();

        HttpResponse<String> created =
                sysadmin.post("/integrations", Map.of("name", name), ConsoleTestClient.csrf(list));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher matcher = TOKEN.matcher(created.body());
        assertThat(matcher.find()).as("token shown").isTrue();
        String token = matcher.group(1);
        assertThat(created.body()).contains("vises bare denne ene gangen");

        assertThat(postEvent(token)).as("the new token is accepted").isEqualTo(202);
        String again = sysadmin.get("/integrations").body();
        assertThat(again).contains(name).doesNotContain(token);

        UUID id = UUID.fromString(token.substring(0, token.indexOf('.')));
        HttpResponse<String> disabled = sysadmin.post(
                "/integrations/" + id + "/enabled", Map.of("enabled", "false"), ConsoleTestClient.csrf(again));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(postEvent(token)).as("a disabled integration is refused").isEqualTo(401);
    }

    @Test
    void aDuplicateIntegrationNameIsExplainedAndNoTokenShown() {
        ConsoleTestClient sysadmin = ConsoleTestClient.signIn(port, "sysadmin");
        String name = "Dobbel " + UUID.randomUUID();
        sysadmin.post(
                "/integrations",
                Map.of("name", name),
                ConsoleTestClient.csrf(sysadmin.get("/integrations").body()));
        HttpResponse<String> second = sysadmin.post(
                "/integrations",
                Map.of("name", name),
                ConsoleTestClient.csrf(sysadmin.get("/integrations").body()));
        assertThat(second.body())
                .contains("an integration with this name exists")
                .doesNotContain("id=\"token\"");
    }

    @Test
    void rejectedInputIsShownRawWithItsProblemsToTheSystemAdminOnly() throws Exception {
        String marker = "broken-" + UUID.randomUUID();
        HttpResponse<String> bad = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                                .header("Authorization", "Bearer " + ConsoleTestClient.DEMO_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\": \"" + marker + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);

        String page = ConsoleTestClient.signIn(port, "sysadmin")
                .get("/integrations/rejected")
                .body();
        assertThat(page).contains(marker).contains("code");
        assertThat(ConsoleTestClient.signIn(port, "operator")
                        .get("/integrations/rejected")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theClassificationTableIsReadableByAdminsOnly() {
        String page = ConsoleTestClient.signIn(port, "admin.bronnoy")
                .get("/alarm-types")
                .body();
        assertThat(page)
                .contains("BUTTON_PRESSED")
                .contains("Trygghetsalarm: knappetrykk")
                .contains("4.14");
        assertThat(page).as("read-only").doesNotContain("type=\"submit\" class=\"primary\"");
        assertThat(ConsoleTestClient.signIn(port, "operator")
                        .get("/alarm-types")
                        .statusCode())
                .isEqualTo(403);
        assertThat(ConsoleTestClient.signIn(port, "admin.bronnoy")
                        .get("/integrations")
                        .statusCode())
                .isEqualTo(403);
    }

    private int postEvent(String token) throws Exception {
        String controller = jdbc.sql("select scaip_controller_id from device where type = 'SAFETY_ALARM'"
                        + " and scaip_controller_id is not null limit 1")
                .query(String.class)
                .single();
        String json = """
                {"eventId": "%s", "code": "TEST", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}}
                """.formatted("admin-test-" + UUID.randomUUID(), controller);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
