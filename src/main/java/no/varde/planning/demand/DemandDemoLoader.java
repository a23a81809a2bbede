package no.varde.planning.demand;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The demo's illustrative projection (labelled as such; not Statistics Norway's figures), while none is imported. */
@Component
@Order(45)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemandDemoLoader implements ApplicationRunner {

    static final String FILE = "demo/befolkningsframskriving-illustrativ.csv";
    private static final Logger log = LoggerFactory.getLogger(DemandDemoLoader.class);

    private final Populations populations;
    private final ProjectionImport projections;

    DemandDemoLoader(Populations populations, ProjectionImport projections) {
        this.populations = populations;
        this.projections = projections;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!populations.isEmpty()) {
            return;
        }
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            projections.importFile(in.readAllBytes(), FILE, "demo");
            log.info("Demo planning: imported the illustrative population projection {}", FILE);
        } catch (IOException | ProjectionCsv.Rejected e) {
            log.warn("VARDE-PLAN-0030: the demo projection {} could not be imported: {}", FILE, e.getMessage());
        }
    }
}
