package no.varde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document describes the REST API; a copy is written to target/openapi.json for docs/. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsTheRegistryApiAndIsPublic() throws Exception {
        String json = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("/api/v1/residents")
                .contains("/api/v1/devices")
                .contains("/api/v1/imports/residents")
                .contains("/api/v1/audit")
                .contains("/api/v1/fleet/rules")
                .contains("/api/v1/fleet/tasks/{id}/complete");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), json);
        mvc.perform(get("/api-docs.html")).andExpect(status().is3xxRedirection());
    }
}
