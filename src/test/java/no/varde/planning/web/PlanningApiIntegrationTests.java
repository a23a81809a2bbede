package no.varde.planning.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class PlanningApiIntegrationTests {

    static final String ERLANG = "/api/v1/planning/erlang-c";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void erlangCAnswersTheTextbookCase() throws Exception {
        erlang("calls=100&intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=0.8")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agents").value(14))
                .andExpect(jsonPath("$.serviceLevel").value(0.888))
                .andExpect(jsonPath("$.probabilityOfWaiting").value(0.174))
                .andExpect(jsonPath("$.averageSpeedOfAnswerSeconds").value(7.8))
                .andExpect(jsonPath("$.occupancy").value(0.714));
    }

    @Test
    void everyBadParameterIsAProblemNamingTheFieldNeverAServerError() throws Exception {
        String ok = "intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=0.8";
        bad("intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=0.8", "calls");
        bad("calls=abc&" + ok, "calls");
        bad("calls=-1&" + ok, "calls");
        bad("calls=100&intervalMinutes=0&handlingSeconds=180&targetSeconds=20&serviceLevel=0.8", "intervalMinutes");
        bad("calls=100&intervalMinutes=30&handlingSeconds=0&targetSeconds=20&serviceLevel=0.8", "handlingSeconds");
        bad("calls=100&intervalMinutes=30&handlingSeconds=180&targetSeconds=-5&serviceLevel=0.8", "targetSeconds");
        bad("calls=100&intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=1", "serviceLevel");
        bad("calls=100&intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=NaN", "serviceLevel");
        bad("calls=100&intervalMinutes=30&handlingSeconds=180&targetSeconds=20&serviceLevel=80", "serviceLevel");
        bad("calls=1000000&intervalMinutes=1&handlingSeconds=86400&targetSeconds=20&serviceLevel=0.8", "calls");
        erlang("calls=0&" + ok)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agents").value(0));
        staffing("shrinkage=1").andExpect(status().isBadRequest()).andExpect(field("shrinkage"));
        staffing("patienceSeconds=1").andExpect(status().isBadRequest()).andExpect(field("patienceSeconds"));
        staffing("serviceLevel=x").andExpect(status().isBadRequest()).andExpect(field("serviceLevel"));
        staffing("alarmsPerYear=-3").andExpect(status().isBadRequest()).andExpect(field("alarmsPerYear"));
    }

    @Test
    void theStaffingPlanKeepsTwoOnDutyAndShowsThatSixFteCannot() throws Exception {
        staffing("alarmsPerYear=0")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volumeSource").value("ASSUMED"))
                .andExpect(jsonPath("$.hours", hasSize(168)))
                .andExpect(jsonPath("$.hours[0].operators").value(2))
                .andExpect(jsonPath("$.hoursDecidedByMinimum").value(168))
                .andExpect(jsonPath("$.requiredFte").value(10.57))
                .andExpect(jsonPath("$.minimumFte").value(10.57))
                .andExpect(jsonPath("$.annualCost").value(8508850.0))
                .andExpect(jsonPath("$.scenarios[?(@.fte == 6.0)].keepsMinimum", hasItem(false)))
                .andExpect(jsonPath("$.scenarios[?(@.fte == 6.0)].averageOnDuty", hasItem(1.14)));
    }

    @Test
    void theDemoRegionsAssumedVolumeAndErlangAAreStaffedByTheLoadWhereItIsHeavy() throws Exception {
        staffing("alarmsPerYear=400000")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hours[33].minimumApplied").value(false))
                .andExpect(jsonPath("$.hours[33].operators").value(org.hamcrest.Matchers.greaterThan(2)))
                .andExpect(
                        jsonPath("$.hours[33].serviceLevel").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.95)));
        staffing("alarmsPerYear=400000&patienceSeconds=120")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters.patienceSeconds").value(120));
    }

    @Test
    void operatorsAndHomeCareMayNotSeeIt() throws Exception {
        mvc.perform(get("/api/v1/planning/staffing").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theStaffingPageShowsTheDecisionAndTheWeek() throws Exception {
        mvc.perform(get("/planning?alarmsPerYear=0").with(page("analytiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-section=\"heatmap\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("10,57")));
        mvc.perform(get("/planning?serviceLevel=7").with(page("analytiker"))).andExpect(status().isBadRequest());
        mvc.perform(get("/planning?shrinkage=abc").with(page("analytiker"))).andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor page(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    private ResultActions erlang(String query) throws Exception {
        return mvc.perform(get(ERLANG + "?" + query).with(httpBasic("analytiker", "varde-demo")));
    }

    private ResultActions staffing(String query) throws Exception {
        return mvc.perform(get("/api/v1/planning/staffing?" + query).with(httpBasic("analytiker", "varde-demo")));
    }

    private void bad(String query, String field) throws Exception {
        erlang(query).andExpect(status().isBadRequest()).andExpect(field(field));
    }

    private static org.springframework.test.web.servlet.ResultMatcher field(String field) {
        return jsonPath("$.errors[*].field", hasItem(field));
    }
}
