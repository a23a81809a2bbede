package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.varde.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in with local accounts, on the pages (form login) and the API (HTTP Basic), against real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccountFixtures.class)
class AccountSecurityIntegrationTests {

    static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Test
    void formLoginWithTheRightPasswordSignsIn() throws Exception {
        mvc.perform(formLogin().user("operator").password(PASSWORD))
                .andExpect(authenticated().withUsername("operator").withRoles("OPERATOR"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formLoginWithAWrongPasswordOrUnknownUserIsRefused() throws Exception {
        mvc.perform(formLogin().user("operator").password("wrong-password-123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("nobody.here").password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void pagesRedirectAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/accounts").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/accounts").header("HX-Request", "true")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void storedPasswordHashesAreArgon2id() {
        assertThat(accounts.findByUsername("operator").orElseThrow().passwordHash())
                .startsWith("{argon2}$argon2id$");
        UserAccount created = fixtures.homeCareAccount("1813");
        assertThat(created.passwordHash()).startsWith("{argon2}$argon2id$");
        assertThat(created.passwordHash()).doesNotContain(AccountFixtures.PASSWORD);
    }

    @Test
    void aDisabledAccountCannotSignInOnPagesOrApi() throws Exception {
        UserAccount account = fixtures.account(Role.SYSTEM_ADMIN, null);
        mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
                .andExpect(authenticated());

        fixtures.disable(account);

        mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/accounts").with(httpBasic(account.username(), AccountFixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theApiWithoutCredentialsAnswers401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/accounts"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Varde\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void theApiWithWrongCredentialsAnswers401() throws Exception {
        mvc.perform(get("/api/v1/accounts").with(httpBasic("sysadmin", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiAcceptsHttpBasicForLocalAccounts() throws Exception {
        mvc.perform(get("/api/v1/accounts").with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'operator')].role").value("OPERATOR"))
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void theAccountApiIsForSystemAdministratorsOnly() throws Exception {
        for (String user : new String[] {"operator", "hjemme.bronnoy", "admin.bronnoy", "analytiker"}) {
            mvc.perform(get("/api/v1/accounts").with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403));
        }
    }
}
