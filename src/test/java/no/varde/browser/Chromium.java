package no.varde.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright for Java, as every browser test uses it: headless, no sandbox (root),
 * background networking off, never a downloaded browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set by the build).
 */
final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch(String... extraArgs) {
        // generous: the suite runs on two cores beside PostgreSQL and Chromium
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        List<String> args = new ArrayList<>(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run"));
        args.addAll(List.of(extraArgs));
        Playwright playwright = Playwright.create();
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty(
                                "varde.chromium", System.getenv().getOrDefault("VARDE_CHROMIUM", "/usr/bin/chromium"))))
                        .setHeadless(true)
                        .setArgs(args));
        return new Chromium(playwright, browser);
    }

    Browser browser() {
        return browser;
    }

    /** A fresh browser context signed in through the login form (bokmål) as a demo account. */
    Page signIn(String base, String username, Browser.NewContextOptions options) {
        Page page = browser.newContext(options).newPage();
        page.navigate(base + "/login?lang=nb");
        page.getByLabel("Brukernavn").fill(username);
        page.getByLabel("Passord").fill("varde-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn"))
                .click();
        page.waitForURL(base + "/");
        return page;
    }

    Page signIn(String base, String username) {
        return signIn(base, username, new Browser.NewContextOptions());
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
