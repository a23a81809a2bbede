package no.varde.planning.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statbank CSV layout: title lines skipped, ages summed into groups, every bad cell reported. */
class ProjectionCsvUnitTests {

    static final Set<String> REGION = Set.of("1833", "1813");

    @Test
    void readsStatisticsNorwaysLayoutAndSumsAgesIntoTheGroups() {
        String csv = "\uFEFF\"Framskrevet folkemengde 1. januar, etter region, alder, statistikkvariabel og år\"\n\n"
                + "\"region\";\"alder\";\"statistikkvariabel\";\"år\";\"Framskrevet folkemengde\"\n"
                + "\"1833 Rana\";\"85 år\";\"Hovedalternativet (MMMM)\";\"2030\";\"312\"\n"
                + "\"1833 Rana\";\"86 år\";\"Hovedalternativet (MMMM)\";\"2030\";\"290\"\n"
                + "\"K-1833 Rana\";\"105 år eller eldre\";\"Hovedalternativet (MMMM)\";\"2030\";\"1\"\n"
                + "1813;067-079 år;x;2050;2 104\n";
        var projection = ProjectionCsv.parse(csv, REGION::contains);
        assertThat(projection.persons().get("1833").get(2030))
                .containsEntry(AgeGroup.AGE_80_89, 602L)
                .containsEntry(AgeGroup.AGE_90_PLUS, 1L);
        assertThat(projection.persons().get("1813").get(2050)).containsEntry(AgeGroup.AGE_67_79, 2104L);
    }

    @Test
    void everyBadCellIsReportedAndNothingIsReturned() {
        String csv = "region;alder;år;personer\n"
                + "1833 Rana;85 år;2030;..\n" // missing value (row 2)
                + "9999 Oslo;85 år;2030;10\n" // not in the region (row 3)
                + "1833 Rana;60-70 år;2030;10\n" // crosses groups (row 4)
                + "1833 Rana;gammel;2030;10\n" // not an age (row 5)
                + "1833 Rana;85 år;20x0;10\n" // not a year (row 6)
                + "1833 Rana;86 år;2030;-4\n" // negative (row 7)
                + "1833 Rana;87 år;2030\n" // too few fields (row 8)
                + "1813 Brønnøy;85 år;2030;5\n"
                + "1813 Brønnøy;85 år;2030;6\n"; // twice (row 10)
        assertThatThrownBy(() -> ProjectionCsv.parse(csv, REGION::contains))
                .isInstanceOfSatisfying(
                        ProjectionCsv.Rejected.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.row() + ":" + p.column())
                                .containsExactly(
                                        "2:personer",
                                        "3:region",
                                        "4:alder",
                                        "5:alder",
                                        "6:år",
                                        "7:personer",
                                        "8:row",
                                        "10:alder"));
    }

    @Test
    void aFileWithoutTheHeaderIsRejected() {
        assertThatThrownBy(() -> ProjectionCsv.parse("kommune;alder;år;n\n1833;85 år;2030;3\n", REGION::contains))
                .isInstanceOf(ProjectionCsv.Rejected.class);
    }

    @Test
    void theIllustrativeDemoFileIsReadWhole() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DemandDemoLoader.FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\"ILLUSTRATIV DEMO");
            var projection = ProjectionCsv.parse(text, k -> true);
            assertThat(projection.persons()).hasSize(18);
            assertThat(projection.persons().get("1833").keySet()).containsExactly(2030, 2035, 2040, 2045, 2050);
        }
    }
}
