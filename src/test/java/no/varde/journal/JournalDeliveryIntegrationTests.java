package no.varde.journal;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.varde.alarm.Actor;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.TimelineEntry;
import no.varde.shared.Kommunenummer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing alarms through the real API, delivering their documents to a HAPI-parsing VKP stand-in with tokens from a
 * real OAuth server (mock-oauth2-server), as the worker does on schedule (here it is run by the test).
 */
@SpringBootTest(
        properties = {"varde.journal.delivery-interval=1h", "varde.journal.retry-backoff=5s", "varde.journal.timeout=1s"
        })
@AutoConfigureMockMvc
class JournalDeliveryIntegrationTests {

    static final String ENABLED = "1820";
    static final String DISABLED = "1824";
    static final String ORGNR = "945114878";
    static final String CLIENT = "varde-vkp-test";
    static final MockOAuth2Server HELSEID = new MockOAuth2Server();
    static final FakeVkp VKP = new FakeVkp();
    static KeyPair key;
    static Path keyFile;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alarms alarms;

    @Autowired
    JournalWorker worker;

    @Autowired
    JournalOutbox outbox;

    @Autowired
    JournalEndpoints endpoints;

    @Autowired
    JournalTransport transport;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JournalProperties properties;

    @BeforeAll
    static void start() throws Exception {
        HELSEID.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        keyFile = Files.createTempFile("wt-journal-client", ".pem");
        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(key.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }

    @AfterAll
    static void stop() throws Exception {
        HELSEID.shutdown();
        VKP.stop();
    }

    @BeforeEach
    void endpoints() {
        endpoints.save(endpoint(ENABLED, true));
        endpoints.save(endpoint(DISABLED, false));
    }

    @Test
    void documentMatchesTheAlarmAndIsAcceptedOnceWithAHelseIdToken() throws Exception {
        String id = receive(ENABLED);
        act(id, "claim", "{}");
        act(id, "calls", "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\", \"note\": \"Har falt\"}");
        act(id, "dispatch", "{\"text\": \"Dra innom\"}");
        // the worker accepts after being notified (a call-out is not created for an alarm no longer dispatched)
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> alarms.findForSystem(AlarmId.of(id)).orElseThrow().timeline().stream()
                        .anyMatch(entry -> entry.kind() == no.varde.alarm.TimelineKind.DISPATCH_NOTIFIED));
        alarms.acceptDispatch(AlarmId.of(id), Actor.homeCare("Vakttelefon hjemmetjenesten"));
        act(id, "close", "{\"outcome\": \"CALLOUT_COMPLETED\", \"comment\": \"Alt vel\"}");
        JournalDelivery pending = awaitRow(id);
        assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);

        worker.deliverDue(Instant.now());

        // the scheduled worker of any cached test context may hold this row at that moment (SKIP LOCKED): the
        // delivery is then that worker's, and the explicit call above skips it; either way it is accepted once
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                outbox.ofAlarm(AlarmId.of(id)).orElseThrow().status())
                        .isEqualTo(DeliveryStatus.ACCEPTED));
        List<FakeVkp.Received> received = VKP.of(id);
        assertThat(received).hasSize(1);
        FakeVkp.Received sent = received.getFirst();
        assertThat(sent.orgnr()).isEqualTo(ORGNR);
        assertThat(sent.contentType()).startsWith("application/fhir+json");
        assertThat(sent.body()).isEqualTo(pending.document());
        SignedJWT token = SignedJWT.parse(sent.authorization().substring("Bearer ".length()));
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT);
        assertClientAssertion(HELSEID.takeRequest());

        Alarm alarm = alarms.findForSystem(AlarmId.of(id)).orElseThrow();
        Bundle bundle = sent.bundle();
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getIdentifier().getSystem()).isEqualTo("urn:ietf:rfc:3986");
        assertThat(bundle.getIdentifier().getValue()).isEqualTo("urn:uuid:" + id);
        assertThat(bundle.getEntry())
                .extracting(e -> e.getResource().getResourceType())
                .containsExactly(
                        ResourceType.Composition,
                        ResourceType.DetectedIssue,
                        ResourceType.Device,
                        ResourceType.Encounter);
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(composition.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://ehelse.no/fhir/StructureDefinition/vkp-Composition-v090");
        assertThat(composition.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
        assertThat(composition.getType().getCodingFirstRep().getSystem())
                .isEqualTo("http://ehelse.no/fhir/CodeSystem/vkp-alert-code-v090");
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("3");
        assertThat(composition.getCategoryFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("1");
        assertThat(composition.getSubject().getIdentifier().getSystem()).startsWith("urn:oid:2.16.578.1.12.4.1.4.");
        assertThat(composition.getSubject().getIdentifier().getValue()).hasSize(11);
        assertThat(composition.getAuthorFirstRep().getIdentifier().getValue()).isEqualTo("operator");
        assertThat(composition.getTitle()).isEqualTo("Journalnotat for respons på hendelse");

        List<TimelineEntry> documented =
                alarm.timeline().stream().filter(e -> e.vkpEvent() != null).toList();
        assertThat(composition.getEvent()).hasSize(documented.size());
        for (int i = 0; i < documented.size(); i++) {
            Composition.CompositionEventComponent event = composition.getEvent().get(i);
            assertThat(event.getCodeFirstRep().getCodingFirstRep().getSystem())
                    .isEqualTo("http://ehelse.no/fhir/CodeSystem/vkp-composition-event-v090");
            assertThat(event.getCodeFirstRep().getCodingFirstRep().getCode())
                    .isEqualTo(String.valueOf(documented.get(i).vkpEvent()));
            assertThat(event.getPeriod().getStart().toInstant())
                    .isEqualTo(documented.get(i).at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        assertThat(composition.getEvent().stream()
                        .map(e -> e.getCodeFirstRep().getCodingFirstRep().getCode())
                        .filter(List.of("0", "1", "3", "4", "5")::contains))
                .containsExactly("0", "1", "4", "5", "3");
        assertThat(composition.getEvent())
                .extracting(e -> e.getCodeFirstRep().getCodingFirstRep().getCode())
                .contains("8", "9");
        assertThat(composition.getSection())
                .extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .containsExactly("1", "2");
        assertThat(composition.getSectionFirstRep().getSection())
                .extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .containsExactly("1.1", "1.2");
        assertThat(composition
                        .getSectionFirstRep()
                        .getSection()
                        .getFirst()
                        .getText()
                        .getDivAsString())
                .contains("Samtale med resident: verbal kontakt");
        DetectedIssue issue = (DetectedIssue) bundle.getEntry().get(1).getResource();
        assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("3");
        assertThat(issue.getAuthor().getReference())
                .isEqualTo(bundle.getEntry().get(2).getFullUrl());
        Encounter encounter = (Encounter) bundle.getEntry().get(3).getResource();
        assertThat(encounter
                        .getParticipantFirstRep()
                        .getTypeFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("2");
        assertThat(sent.body()).doesNotContain("\"\"");

        worker.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        assertThat(VKP.of(id)).as("an accepted document is never sent again").hasSize(1);
        String shown = mvc.perform(
                        get("/api/v1/alarms/" + id + "/fhir-document").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/fhir+json"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).isEqualTo(sent.body());
        assertThat(page("operator", "/journal/alarms/" + id + "/status"))
                .contains("data-status=\"ACCEPTED\"")
                .contains("Dokumentert i EPJ");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/journal-example-document.json"), shown);
    }

    @Test
    void badRequestWithOperationOutcomeIsFailedWithItsText() throws Exception {
        String id = closedFalseAlarm(ENABLED);
        VKP.rejection = "Pasienten finnes ikke i EPJ";
        VKP.script(id, 400);
        worker.deliverDue(Instant.now());
        JournalDelivery failed = outbox.ofAlarm(AlarmId.of(id)).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.reasons()).isEqualTo("Pasienten finnes ikke i EPJ");
        mvc.perform(get("/api/v1/alarms/" + id + "/journal").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("FAILED"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.reasons")
                        .value("Pasienten finnes ikke i EPJ"));
        worker.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        assertThat(VKP.of(id)).hasSize(1);

        // the operator sees why the alarm is not documented; the admin sees it in the failed list and retries
        assertThat(page("operator", "/journal/alarms/" + id + "/status"))
                .contains("data-status=\"FAILED\"")
                .contains("Pasienten finnes ikke i EPJ");
        assertThat(page("sysadmin", "/journal/failed"))
                .contains("delivery-" + failed.id())
                .contains("Pasienten finnes ikke i EPJ");
        mvc.perform(
                        post("/journal/deliveries/" + failed.id() + "/retry")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername("sysadmin")))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(outbox.ofAlarm(AlarmId.of(id)).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        mvc.perform(
                        get("/journal/failed")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(
                        get(path)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aTimeoutIsRetriedAndTheDocumentIsThenAccepted() throws Exception {
        String id = closedFalseAlarm(ENABLED);
        VKP.script(id, FakeVkp.STALL);
        Instant now = Instant.now();
        worker.deliverDue(now);
        JournalDelivery timedOut = outbox.ofAlarm(AlarmId.of(id)).orElseThrow();
        assertThat(timedOut.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(timedOut.attempts()).isEqualTo(1);
        assertThat(timedOut.lastError()).isNotBlank();
        worker.deliverDue(now.plus(Duration.ofMinutes(5)));
        assertThat(outbox.ofAlarm(AlarmId.of(id)).orElseThrow().status()).isEqualTo(DeliveryStatus.ACCEPTED);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndAPendingDeliverySurvivesARestartedWorker() throws Exception {
        String id = closedFalseAlarm(ENABLED);
        VKP.script(id, 503, 500);
        Instant now = Instant.now();
        worker.deliverDue(now);
        JournalDelivery first = outbox.ofAlarm(AlarmId.of(id)).orElseThrow();
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.httpStatus()).isEqualTo(503);
        assertThat(first.nextAttemptAt()).isAfter(now);

        worker.deliverDue(now);
        assertThat(VKP.of(id)).as("not before its backoff").hasSize(1);
        worker.deliverDue(now.plusSeconds(6));
        JournalDelivery second = outbox.ofAlarm(AlarmId.of(id)).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).as("backoff doubles").isAfter(now.plusSeconds(6 + 9));

        // a new worker, as after a restart: it knows nothing but the table
        JournalWorker restarted =
                new JournalWorker(outbox, endpoints, transport, transactions, properties, Clock.systemUTC());
        restarted.deliverDue(now.plus(Duration.ofMinutes(5)));
        assertThat(outbox.ofAlarm(AlarmId.of(id)).orElseThrow().status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(VKP.of(id)).hasSize(3);
    }

    @Test
    void aMunicipalitySwitchedOffGetsNothing() throws Exception {
        String id = closedFalseAlarm(DISABLED);
        assertThat(awaitRow(id).status()).isEqualTo(DeliveryStatus.SKIPPED_DISABLED);
        worker.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        assertThat(VKP.of(id)).isEmpty();
        assertThat(VKP.received).noneMatch(r -> r.orgnr().equals("disabled"));
    }

    private String closedFalseAlarm(String kommune) throws Exception {
        String id = receive(kommune);
        act(id, "claim", "{}");
        act(id, "close", "{\"outcome\": \"FALSE_ALARM\"}");
        assertThat(awaitRow(id)).isNotNull();
        return id;
    }

    private JournalDelivery awaitRow(String id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> outbox.ofAlarm(AlarmId.of(id)).orElse(null), java.util.Objects::nonNull);
    }

    private void assertClientAssertion(RecordedRequest request) throws Exception {
        Map<String, String> form = Arrays.stream(request.getBody().readUtf8().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(form).containsEntry("grant_type", "client_credentials");
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) key.getPublic())))
                .isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(CLIENT);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT);
        assertThat(assertion.getJWTClaimsSet().getAudience())
                .containsExactly(tokenEndpoint().toString());
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        assertion.getJWTClaimsSet().getIssueTime().toInstant(),
                        assertion.getJWTClaimsSet().getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofMinutes(2));
    }

    private static URI tokenEndpoint() {
        return HELSEID.tokenEndpointUrl("helseid").uri();
    }

    private static JournalEndpoint endpoint(String kommune, boolean enabled) {
        return new JournalEndpoint(
                new Kommunenummer(kommune),
                enabled,
                URI.create(enabled ? VKP.baseUrl() : VKP.baseUrl() + "/disabled-should-never-be-called"),
                ORGNR,
                CLIENT,
                tokenEndpoint(),
                "file:" + keyFile,
                "nhn:vkp/api/user/bundle.write");
    }

    private String receive(String kommune) throws Exception {
        String cid = safetyAlarmController(jdbc, kommune, (int) (Math.random() * 5));
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(event(uniqueEventId(), "BUTTON_PRESSED", cid)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.alarmId");
    }

    private void act(String id, String action, String json) throws Exception {
        mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isOk());
    }
}
