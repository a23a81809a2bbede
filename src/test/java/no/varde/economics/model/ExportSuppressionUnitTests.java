package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.varde.economics.SplitDriver;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.report.MunicipalitySummary;
import no.varde.shared.Kommunenummer;
import org.junit.jupiter.api.Test;

/** A small count measured from operations is not printed in an export's split basis; population and survey are. */
class ExportSuppressionUnitTests {

    static final Kommunenummer TRAENA = Kommunenummer.of("1835");
    static final Kommunenummer RANA = Kommunenummer.of("1833");

    @Test
    void aMeasuredDeviceCountBelowFiveIsSuppressedAndTheShareStaysExact() {
        Map<Kommunenummer, Long> devices = new HashMap<>();
        DemoInputs.REGION.forEach(m -> devices.put(m.kommunenummer(), 40L));
        devices.put(TRAENA, 3L);
        DecisionReport measured = report(DriverNote.Source.MEASURED, devices);
        DecisionReport imported = report(DriverNote.Source.IMPORTED, devices);

        assertThat(measured.suppressed(SplitDriver.ACTIVE_DEVICES, 3)).isTrue();
        assertThat(measured.suppressed(SplitDriver.ACTIVE_DEVICES, 0)).isFalse();
        assertThat(measured.suppressed(SplitDriver.ACTIVE_DEVICES, 5)).isFalse();
        assertThat(measured.suppressed(SplitDriver.POPULATION, 3)).isFalse();
        assertThat(imported.suppressed(SplitDriver.ACTIVE_DEVICES, 3)).isFalse();

        MunicipalitySummary traena = MunicipalitySummary.of(measured, TRAENA);
        assertThat(traena.basis())
                .filteredOn(b -> b.driver() == SplitDriver.ACTIVE_DEVICES)
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.suppressed()).isTrue();
                    assertThat(b.regionTotal()).isEqualTo(17 * 40 + 3);
                });
        // Træna still pays its exact share of the item split by devices: 3 of 683 of 683 000 NOK
        assertThat(traena.shares().getFirst().share()).isEqualTo(Nok.of(3000));
        assertThat(MunicipalitySummary.of(measured, RANA).basis())
                .filteredOn(b -> b.driver() == SplitDriver.ACTIVE_DEVICES)
                .singleElement()
                .satisfies(b -> assertThat(b.suppressed()).isFalse());
    }

    private static DecisionReport report(DriverNote.Source source, Map<Kommunenummer, Long> devices) {
        SplitBasis basis = SplitBasis.of(
                DemoInputs.REGION, Map.of(SplitDriver.ACTIVE_DEVICES, new SplitBasis.SourcedCounts(source, devices)));
        CostItem item = new CostItem(
                CostItemId.random(),
                "Per enhet",
                CostKind.ANNUAL,
                Nok.of(683_000),
                BigDecimal.ZERO,
                SplitKey.of(SplitDriver.ACTIVE_DEVICES));
        Scenario scenario = new Scenario(ScenarioId.random(), "Enheter", "", BigDecimal.ZERO, List.of(item));
        AnalysisInput input =
                new AnalysisInput(DemoInputs.defaults(), DemoInputs.REGION, DemoInputs.ANSWERS, basis, scenario);
        return new DecisionReport(
                CostModel.compute(input),
                Sensitivity.analyse(input, 20),
                DemoInputs.ANSWERS,
                basis,
                5,
                Instant.parse("2026-12-01T10:00:00Z"),
                ZoneId.of("Europe/Oslo"),
                "test");
    }
}
