package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import no.varde.dispatch.DispatchTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alarm page's map in Debian's Chromium (issue 11, item 5): with a tile server configured, Leaflet (from its
 * webjar) shows the device's position with a marker, and the browser loads the tiles because the pages' CSP allows
 * the tile server's origin. The tile server is a small HTTP server of the test's own on localhost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlarmMapBrowserTests {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final List<String> TILES_SERVED = new CopyOnWriteArrayList<>();
    private static final HttpServer TILES = tileServer();

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void tiles(DynamicPropertyRegistry registry) {
        registry.add(
                "varde.console.map.tile-url",
                () -> "http://localhost:" + TILES.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png");
        registry.add("varde.console.map.attribution", () -> "Testkart");
    }

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        TILES.stop(0);
    }

    @Test
    void thePositionIsShownOnAMapWithTilesFromTheConfiguredServer() {
        String id = postLeftHome();
        Page page = chromium.signIn(base(), "operator", new Browser.NewContextOptions().setViewportSize(1440, 900));
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        page.navigate(base() + "/console/alarms/" + id);

        assertThat(page.locator("#position-map")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#position-map .leaflet-marker-icon")).isVisible();
        assertThat(page.locator("#position-map .leaflet-control-attribution")).containsText("Testkart");
        page.waitForFunction("() => [...document.querySelectorAll('#position-map img.leaflet-tile')]"
                + ".some(img => img.complete && img.naturalWidth === 256)");
        assertThat(TILES_SERVED).isNotEmpty();
        assertThat(refused).as("nothing refused by the CSP").isEmpty();
        assertThat(page.locator("#position-link")).hasAttribute("href", Pattern.compile("mlat=65\\.831200"));
        // below the resident card in the first column, which scrolls on its own
        page.locator("#device-report").scrollIntoViewIfNeeded();
        assertThat(page.evaluate("() => window.scrollY")).isEqualTo(0);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/alarmpage-map.png")));
        page.context().close();
    }

    /** A tile server for the test: the same 256×256 PNG for every tile, each request counted. */
    private static HttpServer tileServer() {
        try {
            BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(0xdfe8d8));
            g.fillRect(0, 0, 256, 256);
            g.setColor(new Color(0xb7c9e0));
            g.fillRect(0, 160, 256, 96);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] tile = png.toByteArray();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/tiles/", exchange -> {
                TILES_SERVED.add(exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, tile.length);
                exchange.getResponseBody().write(tile);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String postLeftHome() {
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        String json = "{\"eventId\":\"map-" + UUID.randomUUID() + "\",\"code\":\"LEFT_HOME\",\"device\":"
                + "{\"scaipControllerId\":\"" + device[0] + "\",\"scaipDeviceId\":\"" + device[1] + "\"},"
                + "\"text\":\"Utenfor trygg sone\",\"batteryPercent\":41,"
                + "\"position\":{\"latitude\":65.8312,\"longitude\":13.2105}}";
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            Matcher m = ALARM_ID.matcher(answer.body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
