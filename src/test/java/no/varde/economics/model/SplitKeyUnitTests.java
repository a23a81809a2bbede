package no.varde.economics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.varde.economics.SplitDriver;
import org.junit.jupiter.api.Test;

class SplitKeyUnitTests {

    @Test
    void parsesAndWritesTheSameText() {
        SplitKey key = SplitKey.parse(" flat:20 ; POPULATION:50;alarms:30");
        assertThat(key.toString()).isEqualTo("FLAT:20;POPULATION:50;ALARMS:30");
        assertThat(key.weightOf(SplitDriver.ALARMS)).isEqualTo(30);
        assertThat(SplitKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void rejectsWeightsThatDoNotAddUpToHundred() {
        assertThatThrownBy(() -> SplitKey.parse("FLAT:40;POPULATION:50"))
                .hasMessageContaining("VARDE-ECON-0002")
                .hasMessageContaining("add up to 90");
    }

    @Test
    void rejectsUnknownDriversDuplicatesAndBadSyntax() {
        assertThatThrownBy(() -> SplitKey.parse("TAXES:100")).hasMessageContaining("TAXES:100");
        assertThatThrownBy(() -> SplitKey.parse("FLAT:50;FLAT:50")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> SplitKey.parse("FLAT")).hasMessageContaining("DRIVER:PERCENT");
        assertThatThrownBy(() -> SplitKey.parse("")).hasMessageContaining("at least one driver");
        assertThatThrownBy(() -> SplitKey.parse("FLAT:0;POPULATION:100")).hasMessageContaining("1 to 100");
    }
}
