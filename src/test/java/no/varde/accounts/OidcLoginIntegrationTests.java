package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Sign in with HelseID" against a real OpenID Connect server (mock-oauth2-server), driving the whole
 * authorization-code flow (with PKCE) the way a browser does: redirects followed, cookies kept. The provider
 * only proves identity; the Varde account bound to the subject decides who the user is in Varde.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginIntegrationTests {

    static final String ISSUER_ID = "helseid";
    static final String CLIENT_ID = "varde-test-client";
    static final MockOAuth2Server OIDC = new MockOAuth2Server();

    static {
        OIDC.start();
    }

    @DynamicPropertySource
    static void oidcClient(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.helseid.";
        registry.add("varde.security.oidc.enabled", () -> "true");
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> "test-secret");
        registry.add(registration + "client-authentication-method", () -> "client_secret_basic");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(
                "spring.security.oauth2.client.provider.helseid.issuer-uri",
                () -> OIDC.issuerUrl(ISSUER_ID).toString());
    }

    @AfterAll
    static void stopProvider() {
        OIDC.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserAccounts accounts;

    @Test
    void theLoginPageOffersHelseId() throws Exception {
        HttpResponse<String> page = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/oauth2/authorization/helseid").contains("Logg inn med HelseID");
    }

    @Test
    void aBoundIdentitySignsInAsItsVardeAccount() throws Exception {
        String subject = "helseid-" + UUID.randomUUID();
        UserAccount account = createHomeCareAccount("Hilde HelseID " + subject.substring(8, 16), subject);
        provider(subject, Map.of("name", "Someone Else At The Provider"));

        HttpClient browser = browser();
        HttpResponse<String> landing = signInWithHelseId(browser);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().getPath()).isEqualTo("/");
        assertThat(landing.body())
                .contains("Velkommen, " + account.displayName())
                .contains("Brønnøy")
                .doesNotContain("Someone Else At The Provider");
        // the session belongs to the HOME_CARE account: the administrator pages stay closed
        HttpResponse<String> accountsPage = browser.send(get("/accounts"), HttpResponse.BodyHandlers.ofString());
        assertThat(accountsPage.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnboundIdentityIsRefusedEvenIfItsUsernameClaimMatchesAnAccount() throws Exception {
        String subject = "unbound-" + UUID.randomUUID();
        provider(subject, Map.of("preferred_username", "sysadmin"));

        HttpClient browser = browser();
        HttpResponse<String> landing = signInWithHelseId(browser);

        assertThat(landing.uri().getPath()).isEqualTo("/login");
        assertThat(landing.uri().getQuery()).isEqualTo("oidcError");
        assertThat(landing.body()).contains("Innloggingen med HelseID ble avvist");
        assertThat(accounts.findByOidcSubject(subject)).isEmpty();
        assertThat(accounts.findByUsername("sysadmin").orElseThrow().oidcSubject())
                .isNull();
        HttpResponse<String> home = browser.send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aDisabledAccountCannotSignInWithHelseId() throws Exception {
        String subject = "disabled-" + UUID.randomUUID();
        UserAccount account = createHomeCareAccount("Deaktivert HelseID", subject);
        administration.setEnabled(sysadmin(), account.id(), false);
        provider(subject, Map.of());

        HttpResponse<String> landing = signInWithHelseId(browser());

        assertThat(landing.uri().getPath()).isEqualTo("/login");
        assertThat(landing.uri().getQuery()).isEqualTo("oidcError");
    }

    private UserAccount createHomeCareAccount(String displayName, String subject) {
        return administration.create(
                sysadmin(),
                new NewAccount(
                        AccountFixtures.uniqueUsername("oidc"), displayName, "HOME_CARE", "1813", null, null, subject));
    }

    private no.varde.shared.security.VardeUser sysadmin() {
        return accounts.findByUsername("sysadmin").orElseThrow().toVardeUser();
    }

    /** The next token the provider issues is for this subject, with these extra claims. */
    private static void provider(String subject, Map<String, Object> claims) {
        OIDC.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    private HttpResponse<String> signInWithHelseId(HttpClient browser) throws IOException, InterruptedException {
        HttpResponse<String> login = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // the same link the login page shows; from here on the provider and Varde redirect the "browser"
        return browser.send(get("/oauth2/authorization/helseid"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
    }
}
