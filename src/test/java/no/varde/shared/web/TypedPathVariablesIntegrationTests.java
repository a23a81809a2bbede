package no.varde.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Typed ids and values bound at the edge by the one converter: a malformed one is a 400 problem naming the parameter
 * and the type's reason in the API, and not found on pages; a well-formed one that names nothing is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TypedPathVariablesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aMalformedIdInTheApiIsABadRequestNamingTheParameterAndWhy() throws Exception {
        mvc.perform(get("/api/v1/alarms/not-an-alarm").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://varde.no/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message", containsString("'not-an-alarm'")))
                .andExpect(jsonPath("$.errors[0].message", containsString("Invalid UUID")));
    }

    @Test
    void aKommunenummerInAPagePathIsBoundOnceAndMalformedOrUnknownIsNotFound() throws Exception {
        var sysadmin = user(users.loadUserByUsername("sysadmin"));
        mvc.perform(get("/journal/endpoints/1835").with(sysadmin)).andExpect(status().isOk());
        mvc.perform(get("/journal/endpoints/13x5").with(sysadmin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        mvc.perform(get("/journal/endpoints/0301").with(sysadmin)).andExpect(status().isNotFound());
        var admin = user(users.loadUserByUsername("admin.bronnoy"));
        mvc.perform(get("/economics/survey/1813/edit").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/economics/survey/18134/edit").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void aMalformedParameterOfAPageIsABadRequestPage() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-13-45").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void aCalloutPageIsAddressedByACalloutId() throws Exception {
        mvc.perform(get("/u/c/not-a-callout")).andExpect(status().isNotFound());
        // well-formed, but this browser never opened a link to it
        mvc.perform(get("/u/c/" + UUID.randomUUID())).andExpect(status().isForbidden());
    }
}
