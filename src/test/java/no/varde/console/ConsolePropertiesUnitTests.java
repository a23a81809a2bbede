package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The alarm page's map settings: none by default (coordinates and a link), an https tile server when set. */
class ConsolePropertiesUnitTests {

    @Test
    void withoutSettingsThereIsNoMapAndTheDefaultsHold() {
        ConsoleProperties properties = new ConsoleProperties(null, null, null);
        assertThat(properties.map().enabled()).isFalse();
        assertThat(properties.map().zoom()).isEqualTo(16);
    }

    @Test
    void aTileServerMustBeAnHttpsUrlTemplateOrLocalAndTheZoomWithinTheMapsLevels() {
        assertThat(new ConsoleProperties.Map("https://{s}.tile.example.no/{z}/{x}/{y}.png", "© OSM", 15).enabled())
                .isTrue();
        assertThat(new ConsoleProperties.Map("http://localhost:8089/{z}/{x}/{y}.png", null, null).enabled())
                .isTrue();
        assertThat(new ConsoleProperties.Map("  ", null, null).enabled()).isFalse();
        assertThatThrownBy(() -> new ConsoleProperties.Map("http://tiles.example.no/{z}/{x}/{y}.png", null, null))
                .hasMessageContaining("varde.console.map.tile-url");
        assertThatThrownBy(() -> new ConsoleProperties.Map("https://tiles.example.no/{z}.png", null, 25))
                .hasMessageContaining("varde.console.map.zoom");
    }
}
