package no.varde.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The portfolio through its API: the need first, the flags, the stage rules, and the exports. */
@SpringBootTest
@AutoConfigureMockMvc
class MeasuresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OperationalFacts facts;

    @Autowired
    UserDetailsService users;

    @Test
    void aMeasureMovesThroughItsStagesOnlyWhenFundedAndMeasured() throws Exception {
        post(
                        "/api/v1/benefits/measures",
                        "{\"name\": \"Uten behov\", \"owner\": \"Rana\", \"municipalities\": [\"1833\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("need")));
        String idea = body(post(
                        "/api/v1/benefits/measures",
                        "{\"need\": \"Hjemmetjenesten kjører ut til alarmer som kunne vært løst på telefon\","
                                + " \"name\": \"Kamera-tilsyn " + System.nanoTime() + "\", \"owner\": \"Rana\","
                                + " \"municipalities\": [\"1833\"]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notFunded").value(true))
                .andExpect(jsonPath("$.noInvolvement").value(true)));
        String ideaId = JsonPath.read(idea, "$.measure.id");
        post("/api/v1/benefits/measures/" + ideaId + "/stage", "{\"stage\": \"IN_BUDGET\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-BEN-0021"));
        post("/api/v1/benefits/measures/" + ideaId + "/stage", "{\"stage\": \"SOON\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));

        String indicator = body(post(
                        "/api/v1/benefits/indicators",
                        "{\"name\": \"Unngåtte utrykninger\", \"area\": \"COST_AVOIDED\", \"unit\": \"stk\","
                                + " \"owner\": \"1833\", \"baseline\": \"0\", \"target\": \"20\","
                                + " \"startMonth\": \"2026-01\", \"targetMonth\": \"2027-12\", \"source\": \"MANUAL\"}")
                .andExpect(status().isCreated()));
        String indicatorId = JsonPath.read(indicator, "$.id");
        String funded = body(post(
                        "/api/v1/benefits/measures",
                        "{\"need\": \"Færre unødige utrykninger\", \"name\": \"Digitalt tilsyn " + System.nanoTime()
                                + "\", \"owner\": \"Rana\", \"municipalities\": [\"1833\", \"1832\"],"
                                + " \"costPerYear\": {\"2027\": \"250000\", \"2028\": \"100 000\"},"
                                + " \"indicators\": [\"" + indicatorId + "\"],"
                                + " \"involvement\": [{\"party\": \"USERS\", \"description\": \"Brukermøte\","
                                + " \"happenedOn\": \"2026-03-01\"}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notFunded").value(false))
                .andExpect(jsonPath("$.noInvolvement").value(false)));
        String id = JsonPath.read(funded, "$.measure.id");
        post("/api/v1/benefits/measures/" + id + "/stage", "{\"stage\": \"IN_BUDGET\"}")
                .andExpect(status().isOk());
        post("/api/v1/benefits/measures/" + id + "/stage", "{\"stage\": \"REALISED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-BEN-0022"));
        post(
                        "/api/v1/benefits/indicators/" + indicatorId + "/measurements",
                        "{\"month\": \"" + facts.currentMonth() + "\", \"kommunenummer\": \"1833\", \"value\": \"4\"}")
                .andExpect(status().isCreated());
        post("/api/v1/benefits/measures/" + id + "/stage", "{\"stage\": \"REALISED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measure.stage").value("REALISED"));

        mvc.perform(get("/api/v1/benefits/measures?kommunenummer=1832").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(jsonPath("$[*].measure.id", hasItem(id)))
                .andExpect(jsonPath("$[*].measure.id", Matchers.not(hasItem(ideaId))));
        mvc.perform(get("/benefits/measures").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"portfolio\"")));
    }

    @Test
    void theExportsHoldFormulasAFrozenHeaderAndAPdf() throws Exception {
        byte[] xlsx = mvc.perform(
                        get("/api/v1/benefits/measures/export.xlsx").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            int last = sheet.getLastRowNum();
            boolean formula = false;
            for (int r = 1; r <= last; r++) {
                var row = sheet.getRow(r);
                if (row != null
                        && row.getCell(10) != null
                        && row.getCell(10).getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    formula = true;
                }
            }
            assertThat(formula).isTrue();
        }
        byte[] pdf = mvc.perform(get("/api/v1/benefits/measures/report.pdf?kommunenummer=1833")
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(get("/api/v1/benefits/measures?kommunenummer=12").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kommunenummer"));
    }

    private ResultActions post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic("analytiker", "varde-demo"))
                .contentType("application/json")
                .content(json));
    }

    private static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }
}
