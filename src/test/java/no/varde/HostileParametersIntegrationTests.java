package no.varde;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * No query parameter can make any page or API answer with a server error: every GET endpoint the application maps
 * (found from Spring's own handler mappings, so a new page is covered without touching this test) is called with
 * each of its parameters set to hostile values — a NUL, invalid and overlong UTF-8, empty, blank, huge numbers,
 * impossible dates, quotes — as a system administrator (who sees the most). Bad input must get a 4xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileParametersIntegrationTests {

    private static final List<String> HOSTILE = List.of(
            "a%00b",
            "%C0%AF",
            "",
            "%20",
            "-1",
            "99999999999999999999",
            "2026-13-45",
            "-4713-01-01",
            "x%27%3B--%20%F0%9F%94%A5",
            "A".repeat(3000));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noParameterValueGivesAServerError() throws Exception {
        HttpClient pages = signedIn("sysadmin");
        HttpClient api = HttpClient.newBuilder().build();
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("sysadmin:varde-demo".getBytes(StandardCharsets.UTF_8));
        List<String> serverErrors = new ArrayList<>();
        int calls = 0;
        for (String url : urls()) {
            boolean isApi = url.startsWith("/api/");
            for (String value : HOSTILE) {
                String target = url.replace("VALUE", value);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                        .timeout(Duration.ofSeconds(60))
                        .GET();
                if (isApi) {
                    request.header("Authorization", basic);
                }
                HttpResponse<String> answer =
                        (isApi ? api : pages).send(request.build(), HttpResponse.BodyHandlers.ofString());
                calls++;
                if (answer.statusCode() >= 500) {
                    serverErrors.add(answer.statusCode() + " " + abbreviate(target));
                }
            }
        }
        assertThat(calls).as("hostile calls made").isGreaterThan(300);
        assertThat(serverErrors).as("server errors").isEmpty();
    }

    /** Every GET mapping with each of its query parameters as a VALUE placeholder, plus a stray parameter. */
    private Set<String> urls() {
        Set<String> urls = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!isGet(info) || isStream(info, method)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.contains("*")) {
                    continue;
                }
                String path = PATH_VARIABLE.matcher(pattern).replaceAll("00000000-0000-4000-8000-000000000000");
                urls.add(path + "?q=VALUE");
                urls.add(pattern.contains("{") ? pattern.replaceAll("\\{[^}]+}", "VALUE") : path + "?lang=VALUE");
                for (MethodParameter parameter : method.getMethodParameters()) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    if (param != null) {
                        String name = !param.name().isEmpty()
                                ? param.name()
                                : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                        if (name != null) {
                            urls.add(path + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=VALUE");
                        }
                    }
                }
            }
        });
        assertThat(urls).as("GET endpoints found").hasSizeGreaterThan(20);
        return urls;
    }

    private static boolean isGet(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }

    private static boolean isStream(RequestMappingInfo info, HandlerMethod method) {
        return SseEmitter.class.isAssignableFrom(method.getMethod().getReturnType())
                || info.getProducesCondition().getProducibleMediaTypes().stream()
                        .anyMatch(type -> type.toString().startsWith("text/event-stream"));
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("login form has a CSRF token").isTrue();
        String form = "username=" + username + "&password=varde-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
