package no.varde.console;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console settings.
 *
 * @param resyncInterval how often an open queue re-reads itself whole, as a safety net should the live stream
 *     silently stall (default 30 s); live changes update single rows in between
 * @param cueRepeatInterval how often the new-alarm cue sounds again, on every operator page, while any alarm waits
 *     for an operator (default 20 s; at least 5 s)
 * @param map the map on the alarm page for a device's position; without a tile server (the default: a development
 *     setup has no network to one) the page shows the coordinates with a link to open them
 */
@ConfigurationProperties("varde.console")
public record ConsoleProperties(
        Duration resyncInterval,
        Duration cueRepeatInterval,
        @Nullable Map map) {

    static final Duration SHORTEST_CUE_REPEAT = Duration.ofSeconds(5);

    public ConsoleProperties {
        resyncInterval = resyncInterval == null ? Duration.ofSeconds(30) : resyncInterval;
        cueRepeatInterval = cueRepeatInterval == null ? Duration.ofSeconds(20) : cueRepeatInterval;
        map = map == null ? new Map(null, null, null) : map;
        if (cueRepeatInterval.compareTo(SHORTEST_CUE_REPEAT) < 0) {
            throw new IllegalArgumentException(
                    "varde.console.cue-repeat-interval must be at least 5 s (a cue every moment drowns the room), was "
                            + cueRepeatInterval);
        }
    }

    /**
     * The alarm page's map.
     *
     * @param tileUrl the tile server's URL template, e.g. {@code https://tile.example.no/{z}/{x}/{y}.png} (https; http for
     *     localhost only; its origin is added to the pages' Content-Security-Policy img-src); none: coordinates and a link
     * @param attribution the attribution the tile server's terms require, shown on the map
     * @param zoom the zoom level the map opens at (default 16)
     */
    public record Map(
            @Nullable String tileUrl,
            @Nullable String attribution,
            @Nullable Integer zoom) {

        public Map {
            tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
            if (tileUrl != null) {
                URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
                boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
                if (uri.getHost() == null
                        || !("https".equals(uri.getScheme()) || local && "http".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException(
                            "varde.console.map.tile-url must be an https URL template (http for localhost), was "
                                    + tileUrl);
                }
            }
            zoom = zoom == null ? 16 : zoom;
            if (zoom < 1 || zoom > 19) {
                throw new IllegalArgumentException("varde.console.map.zoom must be from 1 to 19, was " + zoom);
            }
        }

        public boolean enabled() {
            return tileUrl != null;
        }
    }
}
