package no.varde.planning.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's illustrative projection to 2050, and an import that is rejected whole. */
@SpringBootTest
@AutoConfigureMockMvc
class DemandIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void theDemoProjectionGivesUsersAlarmsAndFteTo2050AndABadFileChangesNothing() throws Exception {
        mvc.perform(get("/api/v1/planning/demand").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source.label", Matchers.startsWith("ILLUSTRATIV DEMO")))
                .andExpect(jsonPath("$.years", hasSize(5)))
                .andExpect(jsonPath("$.years[0].year").value(2030))
                .andExpect(jsonPath("$.years[4].year").value(2050))
                .andExpect(jsonPath("$.years[0].municipalities", hasSize(18)))
                .andExpect(jsonPath("$.years[4].alarms", Matchers.greaterThan(40000)));
        MockMultipartFile bad = new MockMultipartFile(
                "file",
                "bad.csv",
                "text/csv",
                "region;alder;år;personer\n1833 Rana;85 år;2030;..\n9999;85 år;2030;3\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/planning/population/import")
                        .file(bad)
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].row").value(2));
        mvc.perform(multipart("/api/v1/planning/population/import")
                        .file(bad)
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/planning/demand").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(jsonPath("$.years", hasSize(5)));
        mvc.perform(get("/planning/demand").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"demand\"")));
    }
}
