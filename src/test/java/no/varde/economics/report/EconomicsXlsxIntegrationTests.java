package no.varde.economics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import no.varde.economics.scenario.ScenarioCatalogue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The workbook freezes its header rows and writes split keys as an analyst reads them. */
@SpringBootTest
@AutoConfigureMockMvc
class EconomicsXlsxIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioCatalogue scenarios;

    @Test
    void everySheetFreezesItsHeaderAndNoRawSplitKeyIsLeft() throws Exception {
        byte[] xlsx = mvc.perform(get(
                                "/api/v1/economics/scenarios/{id}/export.xlsx",
                                scenarios.all().getFirst().id())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        boolean readable = false;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                assertThat(sheet.getPaneInformation())
                        .as("freeze pane of %s", sheet.getSheetName())
                        .isNotNull();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue())
                                    .doesNotContain("FLAT:")
                                    .doesNotContain("POPULATION:");
                            readable |= cell.getStringCellValue().contains("40 % flatt");
                        }
                    }
                }
            }
        }
        assertThat(readable).isTrue();
    }
}
