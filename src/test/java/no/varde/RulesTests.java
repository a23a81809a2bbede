package no.varde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Project rules that the compiler does not check: message bundles, migration names, template message keys. */
class RulesTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d{12})__([a-z]+)_([a-z0-9_]+)\\.sql");
    /** A static message key in a template: #{some.key} or #{some.key(args)}; #{${...}} and #{'a' + b} are dynamic. */
    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)\\s*[(}]");

    @Test
    void everyNorwegianBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValues() throws IOException {
        List<Path> norwegian = files(I18N, ".properties").stream()
                .filter(path -> !path.getFileName().toString().contains("_"))
                .toList();
        assertThat(norwegian).isNotEmpty();
        for (Path nb : norwegian) {
            Path en = nb.resolveSibling(nb.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English twin of %s", nb).exists();
            Properties nbProperties = load(nb);
            Properties enProperties = load(en);
            assertThat(enProperties.stringPropertyNames())
                    .as("keys of %s and %s", nb, en)
                    .containsExactlyInAnyOrderElementsOf(nbProperties.stringPropertyNames());
            assertNoEmptyValues(nb, nbProperties);
            assertNoEmptyValues(en, enProperties);
        }
    }

    @Test
    void everyBundleFileIsANorwegianBundleOrItsEnglishTwin() throws IOException {
        for (Path file : files(I18N, ".properties")) {
            assertThat(file.getFileName().toString()).as("bundle file name").matches("[a-z]+(_en)?\\.properties");
        }
    }

    @Test
    void migrationsAreNamedWithTimestampModuleAndDescription() throws IOException {
        Set<String> modules = ApplicationModules.of(VardeApplication.class).stream()
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .collect(Collectors.toSet());
        List<Path> migrations = files(MIGRATIONS, "");
        assertThat(migrations).isNotEmpty();
        Set<String> versions = new HashSet<>();
        for (Path migration : migrations) {
            String name = migration.getFileName().toString();
            Matcher matcher = MIGRATION_NAME.matcher(name);
            assertThat(matcher.matches())
                    .as("%s must be named V<12 digits>__<module>_<description>.sql", name)
                    .isTrue();
            assertThat(modules).as("module of migration %s", name).contains(matcher.group(2));
            assertThat(versions.add(matcher.group(1)))
                    .as("version of %s is unique", name)
                    .isTrue();
        }
    }

    @Test
    void templatesUseOnlyMessageKeysThatExist() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path bundle : files(I18N, ".properties")) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        List<Path> templates = files(TEMPLATES, ".html");
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing from i18n/")
                .isEmpty();
    }

    @Test
    void theTemplateKeyPatternFindsStaticKeysAndSkipsDynamicOnes() {
        List<String> found = new ArrayList<>();
        Matcher matcher = MESSAGE_KEY.matcher("#{a.b} #{c.d(${x})} #{'role.' + ${r}} #{${key}} #{VARDE-ACCT-0001}");
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found).containsExactly("a.b", "c.d", "VARDE-ACCT-0001");
    }

    private static void assertNoEmptyValues(Path file, Properties properties) {
        List<String> empty = properties.stringPropertyNames().stream()
                .filter(key -> properties.getProperty(key).isBlank())
                .sorted()
                .toList();
        assertThat(empty).as("keys with empty values in %s", file).isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
