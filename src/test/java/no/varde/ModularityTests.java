package no.varde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries of DESIGN.md and writes the module documentation (C4 and UML component
 * diagrams as PlantUML, module canvases) to target/spring-modulith-docs in every build.
 *
 * <p>To refresh the committed copy in docs/architecture/, run {@code ./mvnw -B test -Dtest=ModularityTests
 * -Dvarde.architecture.docs=docs/architecture} and commit the result.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(VardeApplication.class);
    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML)
                        .withTargetFileName("module-%s-uml.puml"))
                .writeModuleCanvases()
                .writeAggregatingDocument();

        assertThat(OUTPUT.resolve("components.puml")).exists();
        assertThat(OUTPUT.resolve("module-accounts-uml.puml")).exists();
        assertThat(OUTPUT.resolve("module-accounts.puml")).exists();
        assertThat(OUTPUT.resolve("module-accounts.adoc")).exists();

        String target = System.getProperty("varde.architecture.docs");
        if (target != null && !target.isBlank()) {
            copyTo(Path.of(target));
        }
    }

    private static void copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files;
        try (Stream<Path> listing = Files.list(OUTPUT)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
