package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.varde.audit.AuditSubjects;
import no.varde.audit.AuditSubjects.Resident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An access request answered in the browser: an operator looks at a resident and asks to see the whole national
 * id; the municipality's admin finds the resident in the audit trail by name and sees both entries with the
 * resident's name and Norwegian labels. Fresh residents and accounts, made through the API: the database is
 * shared with other classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailBrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void aMunicipalAdminSearchesTheAuditTrailByAResidentsNameAndSeesTheEntries() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Ingrid");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");

        Page operatorPage = signIn(operator);
        operatorPage.navigate(base() + "/residents/" + resident.id());
        Locator nationalId = operatorPage.locator("#national-id-value");
        assertThat(nationalId).hasText(resident.nationalId().substring(0, 6) + " *****");
        operatorPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis hele"))
                .click();
        assertThat(operatorPage.locator("#national-id-value")).hasText(resident.nationalId());
        assertThat(operatorPage.locator("#reveal-national-id")).hasCount(0);
        operatorPage.context().close();

        Page page = signIn(admin);
        page.locator("nav").getByText("Tilgangslogg").click();
        page.getByLabel("Tjenestemottaker (navn eller fødselsnummer)").fill(resident.fullName());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis"))
                .click();

        assertThat(page.locator("#audit-matches")).containsText(resident.fullName());
        Locator rows = page.locator("#audit-table tbody tr");
        Locator read = rows.filter(new Locator.FilterOptions().setHasText(operator))
                .filter(new Locator.FilterOptions().setHasText("Lest"));
        assertThat(read.first()).containsText(resident.fullName());
        assertThat(read.first()).containsText("Operatør");
        assertThat(read.first()).containsText("Nettside");
        Locator reveal = rows.filter(new Locator.FilterOptions().setHasText("Fødselsnummer vist"));
        assertThat(reveal).hasCount(1);
        assertThat(reveal).containsText(operator);
        assertThat(page.locator("#audit-table")).not().containsText("READ");
        Chromium.screenshot(page, "audit-trail-search");

        // narrowing to the one resident keeps the entries and names whose trail it is
        read.first().getByText("bare denne").click();
        assertThat(page.locator("#audit-resident")).containsText(resident.fullName());
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(operator)))
                .hasCount(2);

        page.navigate(base() + "/audit?lang=en&resident=" + resident.id());
        assertThat(page.locator("#audit-table")).containsText("National id shown");
        assertThat(page.locator("#audit-table")).containsText("Web page");
        page.context().close();
    }

    private Page signIn(String username) {
        Page page = browser.newContext().newPage();
        page.navigate(base() + "/login?lang=nb");
        page.getByLabel("Brukernavn").fill(username);
        page.getByLabel("Passord").fill(AuditSubjects.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn"))
                .click();
        page.waitForURL(base() + "/");
        return page;
    }

    private AuditSubjects.Answer api(String method, String path, String json, String username, String password)
            throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
        if (json.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new AuditSubjects.Answer(answer.statusCode(), answer.body());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
