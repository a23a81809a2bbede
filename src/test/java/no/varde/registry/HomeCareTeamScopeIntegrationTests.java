package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Home-care teams' call-out chains (staff names and phones) are need-to-know, in the API and on the pages. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeCareTeamScopeIntegrationTests {

    private static final String PASSWORD = "varde-demo";
    /** The first phone of Brønnøy's demo call-out chain. */
    private static final String BRONNOY_CONTACT = "+4775018131";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void anAnalystSeesNoTeamsAndNoChains() throws Exception {
        mvc.perform(get("/api/v1/home-care-teams").with(httpBasic("analytiker", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/home-care-teams/" + teamOf("1813")).with(httpBasic("analytiker", PASSWORD)))
                .andExpect(status().isNotFound());
        String list = page("analytiker", "/home-care-teams");
        assertThat(list).doesNotContain(teamOf("1813").toString());
        assertThat(page("analytiker", "/municipalities/1813"))
                .doesNotContain(teamOf("1813").toString());
        mvc.perform(get("/home-care-teams/" + teamOf("1813")).with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMunicipalitysUsersSeeTheirOwnTeamsOnly() throws Exception {
        mvc.perform(get("/api/v1/home-care-teams").with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(teamsIn("1813")))
                .andExpect(jsonPath("$[*].kommunenummer").value(Matchers.everyItem(Matchers.is("1813"))));
        mvc.perform(get("/api/v1/home-care-teams/" + teamOf("1833")).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/home-care-teams/" + teamOf("1813")).with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calloutChain[0].phone").value(BRONNOY_CONTACT));
        assertThat(page("hjemme.bronnoy", "/home-care-teams/" + teamOf("1813"))).contains(BRONNOY_CONTACT);
        mvc.perform(get("/home-care-teams/" + teamOf("1833")).with(user(users.loadUserByUsername("hjemme.bronnoy"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theResponseCentreSeesTheMunicipalitiesItServes() throws Exception {
        long served = jdbc.sql("select count(*) from home_care_team t join response_centre_municipality m"
                        + " on m.kommunenummer = t.kommunenummer")
                .query(Long.class)
                .single();
        assertThat(served).isPositive();
        mvc.perform(get("/api/v1/home-care-teams").with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(served));
        mvc.perform(get("/api/v1/home-care-teams/" + teamOf("1833")).with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk());
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long teamsIn(String kommune) {
        return jdbc.sql("select count(*) from home_care_team where kommunenummer = ?")
                .param(kommune)
                .query(Long.class)
                .single();
    }

    private UUID teamOf(String kommune) {
        return jdbc.sql("select id from home_care_team where kommunenummer = ? order by name limit 1")
                .param(kommune)
                .query(UUID.class)
                .single();
    }
}
