package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A signed-in user's session ends after 30 idle minutes (configurable); live console pages call the keep-alive
 * endpoint so an open console stays signed in, other pages do not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffSessionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityProperties properties;

    @Test
    void aSignedInSessionExpiresAfterThirtyIdleMinutes() throws Exception {
        assertThat(properties.session().idleTimeout()).hasMinutes(30);
        HttpSession session = mvc.perform(post("/login")
                        .param("username", "operator")
                        .param("password", "varde-demo")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession(false);
        assertThat(session).isNotNull();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void theKeepAliveAnswersASignedInSessionAndRefusesAnExpiredOne() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/session/keep-alive").session(session).with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isNoContent());
        mvc.perform(get("/session/keep-alive").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    }

    @Test
    void liveConsolePagesKeepThemselvesAliveAndOtherPagesDoNot() throws Exception {
        String console = mvc.perform(get("/console").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(console)
                .contains("<meta name=\"keep-alive-seconds\" content=\"300\" data-url=\"/session/keep-alive\">")
                .contains("/js/console.js");
        String residents = mvc.perform(get("/residents").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(residents).doesNotContain("keep-alive");
    }
}
