package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.varde.shared.security.Role;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Account administration through the pages and the REST API, with the role restrictions. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccountFixtures.class)
class AccountAdministrationIntegrationTests {

    static final String DEMO_PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserAccounts accounts;

    // --- REST API ------------------------------------------------------------------------------------------

    @Test
    void aSystemAdministratorCreatesAnAccountThroughTheApiAndItCanSignIn() throws Exception {
        String username = AccountFixtures.uniqueUsername("api");
        mvc.perform(post("/api/v1/accounts")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "%s", "displayName": "Api Bruker", "role": "HOME_CARE",
                                 "kommunenummer": "1833", "password": "a long enough secret"}
                                """.formatted(username)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/accounts/")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.role").value("HOME_CARE"))
                .andExpect(jsonPath("$.kommunenummer").value("1833"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.hasPassword").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        mvc.perform(formLogin().user(username).password("a long enough secret"))
                .andExpect(authenticated().withRoles("HOME_CARE"));
    }

    @Test
    void invalidAccountsAreRefusedWithProblemDetailsNamingEveryField() throws Exception {
        mvc.perform(post("/api/v1/accounts")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "Not Valid!", "displayName": " ", "role": "OPERATOR",
                                 "kommunenummer": "1813", "password": "short"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://varde.no/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0001"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'kommunenummer')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0006"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'responseCentreId')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0007"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0009"))));
    }

    @Test
    void aTakenUsernameAndAnUnknownRoleAreFieldProblems() throws Exception {
        mvc.perform(post("/api/v1/accounts")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "operator", "displayName": "Dup", "role": "KING",
                                 "password": "a long enough secret"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0002"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'role')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0004"))));
    }

    @Test
    void theApiDisablesSetsPasswordsAndBindsSubjects() throws Exception {
        UserAccount account = fixtures.homeCareAccount("1813");
        String uri = "/api/v1/accounts/" + account.id();

        mvc.perform(put(uri + "/password")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"tiny\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(put(uri + "/password")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"the new long password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(formLogin().user(account.username()).password("the new long password"))
                .andExpect(authenticated());

        String subject = "sub-" + account.id();
        mvc.perform(put(uri + "/oidc-subject")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"" + subject + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.oidcSubject").value(subject));
        UserAccount other = fixtures.homeCareAccount("1813");
        mvc.perform(put("/api/v1/accounts/" + other.id() + "/oidc-subject")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"" + subject + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0013")));
        mvc.perform(delete(uri + "/oidc-subject").with(httpBasic("sysadmin", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.oidcSubject").doesNotExist());

        mvc.perform(put(uri + "/enabled")
                        .with(httpBasic("sysadmin", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(formLogin().user(account.username()).password("the new long password"))
                .andExpect(unauthenticated());
    }

    @Test
    void anUnknownAccountIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + java.util.UUID.randomUUID()).with(httpBasic("sysadmin", DEMO_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void administratorsCannotDisableThemselves() {
        var sysadmin = fixtures.sysadmin();
        assertThatThrownBy(() -> administration.setEnabled(sysadmin, sysadmin.id(), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("own account");
    }

    // --- pages ---------------------------------------------------------------------------------------------

    @Test
    void aSystemAdministratorListsAndCreatesAccountsOnThePages() throws Exception {
        MockHttpSession session = signIn("sysadmin", DEMO_PASSWORD);
        mvc.perform(get("/accounts").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hjemme.rana")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("operator2")));
        mvc.perform(get("/accounts/new").session(session)).andExpect(status().isOk());

        String username = AccountFixtures.uniqueUsername("side");
        mvc.perform(post("/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Side Bruker")
                        .param("role", "MUNICIPAL_ADMIN")
                        .param("kommunenummer", "1833")
                        .param("responseCentreId", "")
                        .param("password", "another long password")
                        .param("oidcSubject", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/accounts/*"));
        UserAccount created = accounts.findByUsername(username).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.MUNICIPAL_ADMIN);
        assertThat(created.kommunenummer()).hasToString("1833");
        mvc.perform(get("/accounts/" + created.id()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(username)));
    }

    @Test
    void theCreatePageShowsFieldErrorsInNorwegian() throws Exception {
        MockHttpSession session = signIn("sysadmin", DEMO_PASSWORD);
        mvc.perform(post("/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", AccountFixtures.uniqueUsername("kort"))
                        .param("displayName", "Kort Passord")
                        .param("role", "HOME_CARE")
                        .param("kommunenummer", "")
                        .param("password", "kort"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Passordet må ha minst 12 tegn")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("VARDE-ACCT-0005")));
    }

    @Test
    void pagesDisableAndBindAccounts() throws Exception {
        MockHttpSession session = signIn("sysadmin", DEMO_PASSWORD);
        UserAccount account = fixtures.homeCareAccount("1833");
        mvc.perform(post("/accounts/" + account.id() + "/enabled")
                        .session(session)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(account.id()).orElseThrow().enabled()).isFalse();
        mvc.perform(post("/accounts/" + account.id() + "/oidc-subject")
                        .session(session)
                        .with(csrf())
                        .param("oidcSubject", "page-sub-" + account.id()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(account.id()).orElseThrow().oidcSubject()).isEqualTo("page-sub-" + account.id());
        mvc.perform(post("/accounts/" + account.id() + "/password")
                        .session(session)
                        .with(csrf())
                        .param("password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("VARDE-ACCT-0009")));
    }

    @Test
    void aMunicipalAdministratorManagesOnlyHomeCareAccountsOfTheirOwnMunicipality() throws Exception {
        UserAccount ownHomeCare = fixtures.homeCareAccount("1813");
        UserAccount otherHomeCare = fixtures.homeCareAccount("1833");
        UserAccount ownOperator = fixtures.account(Role.OPERATOR, null);
        MockHttpSession session = signIn("admin.bronnoy", DEMO_PASSWORD);

        mvc.perform(get("/accounts").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hjemme.bronnoy")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(ownHomeCare.username())))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString(otherHomeCare.username()))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hjemme.rana"))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString(ownOperator.username()))));
        mvc.perform(get("/accounts/" + ownHomeCare.id()).session(session)).andExpect(status().isOk());
        mvc.perform(get("/accounts/" + otherHomeCare.id()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/" + otherHomeCare.id() + "/enabled")
                        .session(session)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isNotFound());
        assertThat(accounts.find(otherHomeCare.id()).orElseThrow().enabled()).isTrue();

        mvc.perform(post("/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", AccountFixtures.uniqueUsername("admin"))
                        .param("displayName", "Ny Admin")
                        .param("role", "MUNICIPAL_ADMIN")
                        .param("kommunenummer", "1813")
                        .param("password", "a long enough secret"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("VARDE-ACCT-0014")));
        String username = AccountFixtures.uniqueUsername("hjemme");
        mvc.perform(post("/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Ny Hjemmetjeneste")
                        .param("role", "HOME_CARE")
                        .param("kommunenummer", "1813")
                        .param("password", "a long enough secret"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername(username)).isPresent();

        var admin = fixtures.municipalAdminOfBronnoy();
        assertThatThrownBy(() -> administration.create(
                        admin,
                        new NewAccount(
                                AccountFixtures.uniqueUsername("rana"),
                                "Rana",
                                "HOME_CARE",
                                "1833",
                                null,
                                "a long enough secret",
                                null)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrProperty("problems");
        assertThatThrownBy(() -> administration.find(admin, otherHomeCare.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void otherRolesCannotOpenTheAccountPages() throws Exception {
        for (String user : new String[] {"operator", "hjemme.bronnoy", "analytiker"}) {
            MockHttpSession session = signIn(user, DEMO_PASSWORD);
            mvc.perform(get("/accounts").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/accounts")
                            .session(session)
                            .with(csrf())
                            .param("username", AccountFixtures.uniqueUsername("x"))
                            .param("displayName", "X")
                            .param("role", "SYSTEM_ADMIN")
                            .param("password", "a long enough secret"))
                    .andExpect(status().isForbidden());
        }
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
