package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import no.varde.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Login throttling on real PostgreSQL: too many failed password sign-ins lock the account (or the remote address)
 * for a while, on the pages and the API alike, and a correct password does not open the lock. Every test signs
 * in from addresses of its own, so the tests (sharing one database) do not lock each other out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccountFixtures.class)
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (Math.random() * 200));

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SecurityProperties properties;

    @Autowired
    Clock clock;

    @Test
    void fiveWrongPasswordsLockTheAccountAndThenTheRightPasswordDoesNotGetIn() throws Exception {
        UserAccount account = fixtures.account(Role.OPERATOR, null);
        String address = newAddress();
        for (int i = 1; i < 5; i++) {
            signIn(account.username(), "wrong-password-" + i, address)
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        signIn(account.username(), "wrong-password-5", address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));

        signIn(account.username(), AccountFixtures.PASSWORD, address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        // from anywhere else too: the lock is the account's
        signIn(account.username(), AccountFixtures.PASSWORD, newAddress())
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/v1/residents")
                        .with(httpBasic(account.username(), AccountFixtures.PASSWORD))
                        .with(from(newAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("VARDE-ACCT-0040")));

        String page = mvc.perform(get("/login?locked"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("sperret i 15 minutter");
    }

    @Test
    void theLockIsHeldInTheDatabaseAndEndsAfterItsTime() throws Exception {
        UserAccount account = fixtures.account(Role.HOME_CARE, "1813");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/residents")
                    .with(httpBasic(account.username(), "wrong"))
                    .with(from(address)));
        }
        // another node sees the same lock: the state is in PostgreSQL, not in this node's memory
        LoginThrottle otherNode = new LoginThrottle(jdbc, properties, meters, clock);
        assertThat(otherNode.lockOf(account.username(), "192.0.2.1"))
                .hasValueSatisfying(lock -> assertThat(lock.kind()).isEqualTo(LoginThrottle.Kind.ACCOUNT));
        mvc.perform(get("/api/v1/residents")
                        .with(httpBasic(account.username(), AccountFixtures.PASSWORD))
                        .with(from(address)))
                .andExpect(status().isTooManyRequests());

        // the lock's time runs out
        jdbc.sql("update login_lock set locked_until = now() - interval '1 second', count_since = now()"
                        + " where kind = 'ACCOUNT' and key = ?")
                .param(account.username())
                .update();
        mvc.perform(get("/api/v1/residents")
                        .with(httpBasic(account.username(), AccountFixtures.PASSWORD))
                        .with(from(address)))
                .andExpect(status().isOk());
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAfresh() throws Exception {
        UserAccount account = fixtures.account(Role.SYSTEM_ADMIN, null);
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            signIn(account.username(), "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(account.username(), AccountFixtures.PASSWORD, address).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            signIn(account.username(), "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(account.username(), AccountFixtures.PASSWORD, address).andExpect(authenticated());
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccountButNotOthers() throws Exception {
        UserAccount account = fixtures.account(Role.MUNICIPAL_ADMIN, "1813");
        String address = newAddress();
        int limit = properties.login().addressFailures();
        for (int i = 0; i < limit; i++) {
            // a different (unknown) username each time: only the address adds up
            signIn(AccountFixtures.uniqueUsername("guess"), "wrong", address).andExpect(unauthenticated());
        }
        signIn(account.username(), AccountFixtures.PASSWORD, address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        signIn(account.username(), AccountFixtures.PASSWORD, newAddress()).andExpect(authenticated());
    }

    @Test
    void anUnknownUsernameIsLockedLikeARealOneSoTheAnswerRevealsNoAccounts() throws Exception {
        String nobody = AccountFixtures.uniqueUsername("nobody");
        String address = newAddress();
        for (int i = 1; i < 5; i++) {
            signIn(nobody, "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(nobody, "wrong", address).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void failedSignInsAreLoggedWithoutThePasswordAndCountedInMetrics(CapturedOutput output) throws Exception {
        double failuresBefore = count("varde.login.failures", "reason", "bad_credentials");
        double lockedBefore = count("varde.login.failures", "reason", "locked");
        double lockoutsBefore = count("varde.login.lockouts", "kind", "account");
        UserAccount account = fixtures.account(Role.OPERATOR, null);
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            signIn(account.username(), "secret-guess-" + i, address);
        }
        signIn(account.username(), AccountFixtures.PASSWORD, address);

        assertThat(count("varde.login.failures", "reason", "bad_credentials")).isEqualTo(failuresBefore + 5);
        assertThat(count("varde.login.failures", "reason", "locked")).isEqualTo(lockedBefore + 1);
        assertThat(count("varde.login.lockouts", "kind", "account")).isEqualTo(lockoutsBefore + 1);
        assertThat(output.getAll())
                .contains("VARDE-ACCT-0042: failed sign-in as '" + account.username() + "' from " + address)
                .contains("VARDE-ACCT-0043: account '" + account.username() + "' locked until")
                .contains("VARDE-ACCT-0041: sign-in as '" + account.username() + "'")
                .doesNotContain("secret-guess-")
                .doesNotContain(AccountFixtures.PASSWORD);
    }

    @Test
    void anAbsurdUsernameIsRefusedWithoutAnError() throws Exception {
        String address = newAddress();
        signIn("a\u0000b" + "x".repeat(5000), "wrong", address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from login_failure where remote_address = ?")
                        .param(address)
                        .query(Long.class)
                        .single())
                .as("counted as a failure like any other")
                .isEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
