package no.varde.economics.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import no.varde.economics.scenario.Scenarios;
import no.varde.economics.scenario.ShippedScenarios;
import no.varde.economics.survey.CellProblem;
import no.varde.economics.survey.SurveyAnswers;
import no.varde.economics.survey.SurveyImport;
import no.varde.economics.survey.SurveyImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo economics after the demo region is loaded: the as-is survey from the demo file and the two
 * scenarios of the source analysis. Each part is seeded only while its tables are empty.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class EconomicsDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EconomicsDemoLoader.class);

    private final SurveyAnswers answers;
    private final SurveyImport surveyImport;
    private final Scenarios scenarios;
    private final ResourceLoader resources;
    private final TransactionTemplate transaction;
    private final String regionFile;

    EconomicsDemoLoader(
            SurveyAnswers answers,
            SurveyImport surveyImport,
            Scenarios scenarios,
            ResourceLoader resources,
            TransactionTemplate transaction,
            @Value("${varde.demo.region-file:classpath:demo/helgeland-demo.csv}") String regionFile) {
        this.answers = answers;
        this.surveyImport = surveyImport;
        this.scenarios = scenarios;
        this.resources = resources;
        this.transaction = transaction;
        this.regionFile = regionFile.contains(":") ? regionFile : "file:" + regionFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the import is its own transaction: a file that does not fit this region is logged, not fatal
        if (answers.isEmpty()) {
            try {
                int imported = surveyImport
                        .importFile("helgeland-demo.csv", read(), "demo")
                        .size();
                log.info("Demo economics: imported the as-is survey of {} municipalities", imported);
            } catch (SurveyImportRejectedException e) {
                log.warn(
                        "Demo economics: the demo survey does not fit this region; not imported: {}",
                        e.problems().stream().map(CellProblem::message).toList());
            }
        }
        transaction.executeWithoutResult(status -> {
            if (scenarios.isEmpty()) {
                ShippedScenarios.all().forEach(scenarios::save);
                log.info("Demo economics: added the two scenarios of the source analysis");
            }
        });
    }

    private byte[] read() {
        try (InputStream in = resources.getResource(regionFile).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-ECON-0030: cannot read the demo survey " + regionFile, e);
        }
    }
}
