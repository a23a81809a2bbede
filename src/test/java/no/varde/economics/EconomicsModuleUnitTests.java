package no.varde.economics;

import static org.assertj.core.api.Assertions.assertThat;

import no.varde.VardeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class EconomicsModuleUnitTests {

    @Test
    void economicsUsesOnlySharedAndTheRegistry() {
        ApplicationModules modules = ApplicationModules.of(VardeApplication.class);
        ApplicationModule economics = modules.getModuleByName("economics").orElseThrow();
        assertThat(economics
                        .getBootstrapDependencies(modules)
                        .map(module -> module.getIdentifier().toString()))
                .contains("registry")
                .allMatch(name -> name.equals("shared") || name.equals("registry"));
        assertThat(modules.getModuleByName("registry").orElseThrow().getBootstrapDependencies(modules))
                .noneMatch(module -> module.equals(economics));
    }
}
