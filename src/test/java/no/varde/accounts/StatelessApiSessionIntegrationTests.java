package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API and ingest are stateless: a request that authenticates with HTTP Basic or an integration token while
 * it also carries a signed-in user's session cookie (the same browser, a script sharing a cookie jar) must not
 * touch that session. Spring Security's default changed the session's id on every such request, so the user's
 * console stream and queue strip, still on the old id, were answered 401 (found by the desk benchmark).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatelessApiSessionIntegrationTests {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";

    @Autowired
    MockMvc mvc;

    @Test
    void anApiCallWithHttpBasicKeepsTheSessionItCarries() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String id = session.getId();
        mvc.perform(get("/api/v1/alarms")
                        .param("limit", "1")
                        .session(session)
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
        assertThat(session.getId()).isEqualTo(id);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void anIngestCallWithATokenKeepsTheSessionItCarries() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String id = session.getId();
        mvc.perform(post("/api/v1/events")
                        .session(session)
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("{\"eventId\": \"session-" + java.util.UUID.randomUUID()
                                + "\", \"code\": \"BUTTON_PRESSED\", \"device\": {\"serialNumber\": \"NO-SUCH-"
                                + java.util.UUID.randomUUID() + "\"}}"))
                .andExpect(status().isAccepted());
        assertThat(session.getId()).isEqualTo(id);
        assertThat(session.isInvalid()).isFalse();
    }
}
