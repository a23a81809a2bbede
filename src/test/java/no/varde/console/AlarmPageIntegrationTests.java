package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import no.varde.dispatch.DispatchTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The alarm page on one screen (issue 11): with a tile server configured the position is put on a map whose tiles the
 * CSP allows; call buttons for the resident and each relative; in-place re-renders follow the audit rule; a plain
 * form post still redirects back with its message, which the live refresh's path never takes.
 */
@SpringBootTest(
        properties = {
            "varde.console.map.tile-url=https://{s}.tile.example.no/{z}/{x}/{y}.png",
            "varde.console.map.attribution=© Kartverket"
        })
@AutoConfigureMockMvc
class AlarmPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aPositionIsShownOnAMapFromTheConfiguredTileServerWhichTheCspAllows() throws Exception {
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        String id = receive(device, ",\"text\":\"Utenfor sonen\",\"position\":{\"latitude\":65.5,\"longitude\":13.25}");

        mvc.perform(get("/console/alarms/" + id).with(page("operator")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                containsString("img-src 'self' data: https://*.tile.example.no;")))
                .andExpect(content().string(containsString("id=\"position-map\"")))
                .andExpect(content()
                        .string(containsString("data-tile-url=\"https://{s}.tile.example.no/{z}/{x}/{y}.png\"")))
                .andExpect(content().string(containsString("data-attribution=\"© Kartverket\"")))
                .andExpect(content().string(containsString("data-lat=\"65.500000\"")))
                .andExpect(content()
                        .string(matchesPattern(
                                "(?s).*data-leaflet-js=\"/webjars/leaflet/[0-9.]*/?dist/leaflet.js\".*")))
                .andExpect(content().string(containsString("Utenfor sonen")));
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
        mvc.perform(get("/console/alarms/" + id).param("lang", "en").with(page("operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What the device said")))
                .andExpect(content().string(containsString("Open the position in a map (new tab)")))
                .andExpect(content().string(containsString("Keyboard shortcuts")))
                .andExpect(content().string(containsString("Received at ")));

        // no position: no map
        String without = receive(device, "");
        mvc.perform(get("/console/alarms/" + without).with(page("operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"position-map\""))));
    }

    @Test
    void theResidentAndEachRelativeHaveACallButtonThatFillsInTheCallLog() throws Exception {
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        String id = receive(device, "");
        UUID resident = jdbc.sql("select resident_id from alarm where id = ?")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .single();
        int relatives = jdbc.sql("select count(*) from relative where resident_id = ?")
                .param(resident)
                .query(Integer.class)
                .single();

        String html = mvc.perform(get("/console/alarms/" + id).with(page("operator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int buttons = html.split("class=\"call-button\"", -1).length - 1;
        assertThat(buttons)
                .as("one per number of the resident, one per relative")
                .isGreaterThan(relatives);
        assertThat(html).contains("href=\"tel:").contains("data-callee=\"").contains("data-number=\"");
    }

    @Test
    void reRenderingInPlaceFollowsTheAuditRuleAndAFormPostStillRedirectsWithItsMessage() throws Exception {
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        String id = receive(device, "");
        UUID resident = jdbc.sql("select resident_id from alarm where id = ?")
                .param(UUID.fromString(id))
                .query(UUID.class)
                .single();

        mvc.perform(get("/console/alarms/" + id).with(page("operator"))).andExpect(status().isOk());
        long afterOpening = reads(resident);
        assertThat(afterOpening).isPositive();
        // the live refresh and the answers in place: no new READ within the audit rule's 10 minutes
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/console/alarms/" + id + "/live")
                            .header("HX-Request", "true")
                            .with(page("operator")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"timeline\"")));
        }
        assertThat(reads(resident)).isEqualTo(afterOpening);

        // without script: post, redirect to the page with the message
        mvc.perform(post("/console/alarms/" + id + "/claim")
                        .with(page("operator"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/alarms/" + id))
                .andExpect(flash().attribute("done", "console.done.claimed"));
    }

    private long reads(UUID resident) {
        return jdbc.sql("select count(*) from audit_event where resident_id = ? and username = 'operator'"
                        + " and action = 'READ'")
                .param(resident)
                .query(Long.class)
                .single();
    }

    private String receive(String[] device, String extra) throws Exception {
        String body = "{\"eventId\":\"alarmpage-it-" + UUID.randomUUID() + "\",\"code\":\"LEFT_HOME\","
                + "\"device\":{\"scaipControllerId\":\"" + device[0] + "\",\"scaipDeviceId\":\"" + device[1] + "\"}"
                + extra + "}";
        String answer = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + DispatchTestSupport.INTEGRATION_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.alarmId");
    }

    private RequestPostProcessor page(String username) {
        return user(users.loadUserByUsername(username));
    }
}
