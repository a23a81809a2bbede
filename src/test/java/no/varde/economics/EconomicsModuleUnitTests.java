package no.varde.economics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import no.varde.VardeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class EconomicsModuleUnitTests {

    @Test
    void economicsDependsOnlyOnSharedAndRegistryAndTheApplicationVerifies() {
        ApplicationModules modules = ApplicationModules.of(VardeApplication.class);
        modules.verify();
        ApplicationModule economics = modules.getModuleByName("economics").orElseThrow();
        assertThat(economics
                        .getBootstrapDependencies(modules)
                        .map(module -> module.getIdentifier().toString()))
                .contains("registry")
                .allMatch(name -> name.equals("shared") || name.equals("registry"));
    }

    @Test
    void norwegianAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties nb = load("/i18n/economics.properties");
        Properties en = load("/i18n/economics_en.properties");
        assertThat(nb.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(nb.stringPropertyNames())
                .allMatch(key -> key.startsWith("economics.") || key.equals("nav.economics"));
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EconomicsModuleUnitTests.class.getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
