package no.varde.economics.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.varde.economics.EconomicsProperties;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;

/** The demo region of helgeland-demo.csv as model inputs, read independently of the import code. */
final class DemoInputs {

    static final List<Municipality> REGION = new ArrayList<>();
    static final Map<Kommunenummer, SurveyAnswer> ANSWERS = new HashMap<>();

    static {
        try (InputStream in = DemoInputs.class.getResourceAsStream("/demo/helgeland-demo.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(";", -1);
                Kommunenummer k = Kommunenummer.of(cells[0]);
                REGION.add(new Municipality(k, cells[1], Integer.parseInt(cells[2])));
                AsIsCosts costs = cells[3].isEmpty()
                        ? null
                        : new AsIsCosts(
                                Nok.of(cells[3]),
                                Nok.of(cells[4]),
                                Nok.of(cells[5]),
                                Nok.of(cells[6]),
                                Nok.of(cells[7]),
                                new BigDecimal(cells[8]));
                ANSWERS.put(k, new SurveyAnswer(k, costs, null, null, null, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoInputs() {}

    static Assumptions defaults() {
        EconomicsProperties p = new EconomicsProperties(null, null, null, 0, 0, 0, 0);
        return new Assumptions(
                new Nok(p.referenceCostPerInhabitant()), new Nok(p.salaryPerFte()), p.hoursPerFte(), p.horizonYears());
    }

    static AnalysisInput input(Scenario scenario) {
        return new AnalysisInput(defaults(), REGION, ANSWERS, SplitBasis.of(REGION, Map.of()), scenario);
    }
}
