package no.varde.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HumanDurationsUnitTests {

    static final Locale NB = Locale.forLanguageTag("nb");

    @Test
    void deadlinesReadAsPeopleSayThemInBothLanguages() {
        assertThat(HumanDurations.of(86_400, NB)).isEqualTo("24 t");
        assertThat(HumanDurations.of(86_400, Locale.ENGLISH)).isEqualTo("24 h");
        assertThat(HumanDurations.of(60, NB)).isEqualTo("1 min");
        assertThat(HumanDurations.of(5_400, NB)).isEqualTo("1 t 30 min");
        assertThat(HumanDurations.of(45, Locale.ENGLISH)).isEqualTo("45 s");
        assertThat(HumanDurations.of(900, Locale.ENGLISH)).isEqualTo("15 min");
        assertThat(HumanDurations.of(0, NB)).isEqualTo("0 s");
    }
}
