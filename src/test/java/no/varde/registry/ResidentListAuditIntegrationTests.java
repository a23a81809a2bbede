package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paging through residents is reading them: every resident a search shows is audited as a READ of that resident by
 * that user (once per 10 minutes, not once per page view), filed under the resident's municipality, so the
 * municipality's admin sees who looked at its residents in lists as well as on their own page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentListAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyResidentShownInASearchIsAReadOfThatResidentVisibleToItsMunicipality() throws Exception {
        String body = mvc.perform(get("/api/v1/residents?kommunenummer=1813&size=7&page=3")
                        .with(httpBasic("operator2", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> shown = JsonPath.read(body, "$.items[*].id");
        assertThat(shown).hasSize(7);
        mvc.perform(get("/api/v1/residents?kommunenummer=1813&size=7&page=3")
                        .with(httpBasic("operator2", "varde-demo")))
                .andExpect(status().isOk());

        for (String resident : shown) {
            assertThat(jdbc.sql("select count(*) from audit_event where username = 'operator2' and action = 'READ'"
                                    + " and resident_id = cast(? as uuid) and kommunenummer = '1813'"
                                    + " and occurred_at > now() - interval '10 minutes'")
                            .param(resident)
                            .query(Long.class)
                            .single())
                    .as("one read of %s within the window, however often it is shown", resident)
                    .isEqualTo(1);
        }
        String trail = mvc.perform(get("/api/v1/audit?user=operator2&resident=" + shown.getFirst())
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(trail).contains("resident search result");
    }
}
