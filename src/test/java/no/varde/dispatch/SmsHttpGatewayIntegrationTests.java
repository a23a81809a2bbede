package no.varde.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.dispatch.sms.SmsMessage;
import no.varde.dispatch.sms.SmsMessages;
import no.varde.dispatch.sms.SmsStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP SMS adapter against a real HTTP server started by the test, standing in for the SMS provider: what it
 * receives, and what Varde does when the provider answers with an error or not at all.
 */
@AutoConfigureMockMvc
@SpringBootTest(
        properties = {
            "varde.dispatch.sms.mode=http",
            "varde.dispatch.sms.token=test-bearer-token",
            "varde.dispatch.sms.timeout=1s",
            "varde.dispatch.sms.max-attempts=3",
            "varde.dispatch.sms.retry-backoff=200ms",
            "varde.dispatch.sms.retry-check-interval=200ms"
        })
class SmsHttpGatewayIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpServer PROVIDER = startProvider();
    /** What the provider received: recipient, text, Authorization header. */
    static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    /** Answers to give per recipient, in order; 0 means "never answer in time". Empty: 202. */
    static final Map<String, Deque<Integer>> SCRIPT = new ConcurrentHashMap<>();

    @Autowired
    SmsDelivery delivery;

    @Autowired
    SmsMessages messages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void providerUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "varde.dispatch.sms.url",
                () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/sms");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void postsToAndTextAsJsonWithTheBearerTokenAndMarksTheMessageSent() {
        String to = uniquePhone();
        UUID id = queue(to, "Varde utrykning: Fall, Storgata 1, 8900 Brønnøysund. Se detaljer og svar: http://x/u/abc");

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == SmsStatus.SENT);
        Map<String, String> request = received(to).getFirst();
        assertThat(request)
                .containsEntry("to", to)
                .containsEntry(
                        "text",
                        "Varde utrykning: Fall, Storgata 1, 8900 Brønnøysund. Se detaljer og svar: http://x/u/abc")
                .containsEntry("authorization", "Bearer test-bearer-token")
                .containsEntry("contentType", "application/json");
        SmsMessage message = messages.find(id).orElseThrow();
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.sentAt()).isNotNull();
        assertThat(message.gateway()).isEqualTo("HTTP");
    }

    @Test
    void anErrorAnswerOrATimeoutIsRecordedAndRetriedUntilTheProviderTakesIt() {
        String to = uniquePhone();
        SCRIPT.put(to, new ArrayDeque<>(List.of(503, 0)));
        UUID id = queue(to, "retry me");

        await().atMost(Duration.ofSeconds(15)).until(() -> status(id) == SmsStatus.SENT);
        SmsMessage message = messages.find(id).orElseThrow();
        assertThat(message.attempts()).isEqualTo(3);
        assertThat(message.lastError()).as("the last failure is kept").startsWith("timeout");
        assertThat(received(to)).hasSize(3);
    }

    @Test
    void aMessageTheProviderKeepsRefusingIsMarkedFailedWithTheReason() {
        String to = uniquePhone();
        SCRIPT.put(to, new ArrayDeque<>(List.of(500, 400, 401, 500)));
        UUID id = queue(to, "never accepted");

        await().atMost(Duration.ofSeconds(15)).until(() -> status(id) == SmsStatus.FAILED);
        SmsMessage message = messages.find(id).orElseThrow();
        assertThat(message.attempts()).isEqualTo(3);
        assertThat(message.lastError()).startsWith("HTTP 401");
        assertThat(message.failedAt()).isNotNull();
        assertThat(message.sentAt()).isNull();
        assertThat(received(to)).hasSize(3);
    }

    @Test
    void aCalloutSmsThatCannotBeSentIsNotedOnTheAlarmsTimelineForTheOperator() throws Exception {
        String sommaFirstContact = "+4775018121";
        SCRIPT.put(sommaFirstContact, new ArrayDeque<>(List.of(500, 500, 500)));
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1812");
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, device[0], device[1]);
        DispatchTestSupport.claimAndDispatch(mvc, alarm, "SMS-feil");

        DispatchTestSupport.awaitSms(jdbc, alarm, 1, "FAILED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'NOTE'"
                                        + " and data ->> 'reason' = 'SMS_FAILED'")
                                .param(alarm.value())
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(received(sommaFirstContact)).hasSize(3);
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                .with(httpBasic("operator", "varde-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"OTHER\", \"confirmCalloutCancel\": true}"));
    }

    private UUID queue(String to, String text) {
        return transactions.execute(status -> delivery.queue(null, "Testkontakt", to, text));
    }

    private SmsStatus status(UUID id) {
        return messages.find(id).orElseThrow().status();
    }

    private static List<Map<String, String>> received(String to) {
        return RECEIVED.stream().filter(r -> to.equals(r.get("to"))).toList();
    }

    private static String uniquePhone() {
        return "+479" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    private static HttpServer startProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/sms", exchange -> {
                JsonNode body =
                        JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String to = body.path("to").asString();
                RECEIVED.add(Map.of(
                        "to", to,
                        "text", body.path("text").asString(),
                        "authorization",
                                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        "contentType",
                                String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
                Deque<Integer> script = SCRIPT.get(to);
                Integer answer = script == null ? null : script.poll();
                int status = answer == null ? 202 : answer;
                if (status == 0) {
                    sleep(Duration.ofSeconds(3));
                    status = 202;
                }
                byte[] reply = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
