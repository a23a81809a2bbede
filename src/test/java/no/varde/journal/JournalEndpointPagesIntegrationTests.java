package no.varde.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.varde.shared.Kommunenummer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** System admins set up each municipality's EPJ receiver; bad settings are named and nothing is saved. */
@SpringBootTest
@AutoConfigureMockMvc
class JournalEndpointPagesIntegrationTests {

    private static final Kommunenummer TRAENA = Kommunenummer.of("1835");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JournalEndpoints endpoints;

    @Test
    void badSettingsAreNamedAndNotSavedGoodOnesAre() throws Exception {
        String refused = mvc.perform(post("/journal/endpoints/1835")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("enabled", "true")
                        .param("baseUrl", "not a url")
                        .param("organisationNumber", "12345")
                        .param("clientId", "")
                        .param("tokenEndpoint", "https://helseid.example/connect/token")
                        .param("privateKey", "-----BEGIN PRIVATE KEY-----")
                        .param("scope", "nhn:vkp/api/user/bundle.write"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("baseUrl:")
                .contains("organisationNumber:")
                .contains("clientId:")
                .contains("privateKey:");
        assertThat(endpoints.find(TRAENA)).isEmpty();

        mvc.perform(post("/journal/endpoints/1835")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("enabled", "true")
                        .param("baseUrl", "https://vkp.example/api")
                        .param("organisationNumber", "945114878")
                        .param("clientId", "varde-traena")
                        .param("tokenEndpoint", "https://helseid.example/connect/token")
                        .param("privateKey", "file:/run/secrets/helseid-1835.pem")
                        .param("scope", "nhn:vkp/api/user/bundle.write"))
                .andExpect(status().is3xxRedirection());
        JournalEndpoint saved = endpoints.find(TRAENA).orElseThrow();
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.bundleUrl()).hasToString("https://vkp.example/api/945114878/bundle");

        String list = mvc.perform(get("/journal/endpoints").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("endpoint-1811").contains("945114878");
        mvc.perform(get("/journal/endpoints").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());
        // switched off again: other tests close alarms in this municipality, and vkp.example does not exist
        endpoints.save(new JournalEndpoint(
                TRAENA,
                false,
                saved.baseUrl(),
                saved.organisationNumber(),
                saved.clientId(),
                saved.tokenEndpoint(),
                saved.privateKey(),
                saved.scope()));
    }
}
