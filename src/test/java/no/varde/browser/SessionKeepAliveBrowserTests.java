package no.varde.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff sessions end after 30 idle minutes (issue 14), but an operator watching the live queue must stay signed in:
 * the console page calls the keep-alive endpoint on its own (every {@code varde.security.session.keep-alive-interval},
 * 5 minutes). The page's clock is Playwright's, so five minutes pass in a moment; pages that are not live do not
 * call it, so a forgotten resident page still times out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionKeepAliveBrowserTests {

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void anOpenConsoleCallsTheKeepAliveOnItsOwnAndTheSessionAnswers() {
        Page page = chromium.signIn(base(), "operator", new Browser.NewContextOptions().setViewportSize(1440, 900));
        List<Response> keepAlives = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().endsWith("/session/keep-alive")) {
                keepAlives.add(response);
            }
        });
        page.clock().install();
        page.navigate(base() + "/console");
        page.waitForSelector("main[data-live]");
        assertThat(keepAlives).isEmpty();

        Request first = page.waitForRequest(
                request -> request.url().endsWith("/session/keep-alive"),
                () -> page.clock().runFor(5 * 60 * 1000 + 1000));
        assertThat(first.response().status()).isEqualTo(204); // signed in: the idle timer restarts
        page.clock().runFor(5 * 60 * 1000);
        page.waitForCondition(() -> keepAlives.size() >= 2);
        assertThat(keepAlives)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(204));
    }

    @Test
    void aPageThatIsNotLiveDoesNotKeepTheSessionAlive() {
        Page page = chromium.signIn(base(), "operator", new Browser.NewContextOptions().setViewportSize(1440, 900));
        List<String> keepAlives = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/session/keep-alive")) {
                keepAlives.add(request.url());
            }
        });
        page.clock().install();
        page.navigate(base() + "/residents");
        page.clock().runFor(11 * 60 * 1000);
        // a request the page makes after the fake time has passed: anything the timers sent is in by then
        page.evaluate("() => fetch('/actuator/health')");
        assertThat(keepAlives).isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
