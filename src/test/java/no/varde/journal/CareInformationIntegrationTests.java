package no.varde.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.DispatchTestSupport;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import okhttp3.mockwebserver.RecordedRequest;
import org.hamcrest.Matchers;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Care information from the EPJ against HAPI FHIR's plain server (the EPJ behind VKP) and a real OAuth server
 * (mock-oauth2-server as HelseID): the visit plan on the card, the alarm page and in the API, the read scope on the
 * delivery's client, the cache, the audit of every fetch, and a clear message when the EPJ cannot be reached.
 */
@SpringBootTest(properties = {"varde.journal.timeout=10s", "varde.journal.care.cache-ttl=8s"})
@AutoConfigureMockMvc
class CareInformationIntegrationTests {

    static final String CONNECTED = "1826";
    static final String UNREACHABLE = "1828";
    static final String ORGNR = "964983291";
    static final String CLIENT = "varde-vkp-care-test";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(OSLO);
    static final MockOAuth2Server HELSEID = new MockOAuth2Server();
    static final FakeEpj EPJ = new FakeEpj(ORGNR);
    static Path keyFile;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JournalEndpoints endpoints;

    @Autowired
    CareInformation care;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @BeforeAll
    static void start() throws Exception {
        HELSEID.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        keyFile = Files.createTempFile("wt-care-client", ".pem");
        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    @org.junit.jupiter.api.BeforeEach
    void warmUp() throws Exception {
        // HAPI's plain server builds its model on the first request; do that before the tests time anything
        java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create(EPJ.baseUrl() + "/" + ORGNR + "/metadata"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() throws Exception {
        HELSEID.shutdown();
        EPJ.stop();
    }

    @AfterEach
    void disconnect() {
        // other classes may share the database: leave no enabled endpoint pointing at this class's servers
        endpoints.save(endpoint(CONNECTED, false, EPJ.baseUrl()));
        endpoints.save(endpoint(UNREACHABLE, false, "http://127.0.0.1:9"));
    }

    @Test
    void theVisitPlanIsOnTheCardTheAlarmPageAndInTheApiReadWithTheReadScopeAndEveryFetchIsAudited() throws Exception {
        // a client of its own, so that no token of another test is in HelseIdTokens' cache
        endpoints.save(endpoint(CONNECTED, true, EPJ.baseUrl(), CLIENT + "-visit-plan"));
        Resident resident = resident(CONNECTED, 0);
        Instant now = Instant.now();
        Instant last = now.minus(95, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Instant next = now.plus(150, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        serve(resident.epjId(), last, next);
        drainTokenRequests();

        mvc.perform(get("/api/v1/residents/" + resident.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FRESH"))
                .andExpect(jsonPath("$.nextVisit.start").value(next.toString()))
                .andExpect(jsonPath("$.nextVisit.what").value("Kveldsbesøk"))
                .andExpect(jsonPath("$.lastVisit.start").value(last.toString()))
                .andExpect(jsonPath("$.services", Matchers.hasItem("Hjemmesykepleie: Medisinhåndtering")))
                .andExpect(jsonPath("$.flags", Matchers.contains("Fallrisiko")))
                .andExpect(jsonPath("$.upcoming.length()").value(1));

        // the same HelseID client as delivery, with the read scope
        RecordedRequest tokenRequest = HELSEID.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        Map<String, String> form = form(tokenRequest.getBody().readUtf8());
        assertThat(form)
                .containsEntry("scope", "nhn:vkp/api/user/careplan.read")
                .containsEntry("client_id", CLIENT + "-visit-plan");
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(CLIENT + "-visit-plan");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT + "-visit-plan");
        assertThat(assertion.getJWTClaimsSet().getAudience())
                .containsExactly(HELSEID.tokenEndpointUrl("helseid").toString());
        FakeEpj.Searched search = EPJ.searches.stream()
                .filter(s -> s.patient().equals(resident.epjId()))
                .findFirst()
                .orElseThrow();
        assertThat(search.authorization()).startsWith("Bearer ");
        assertThat(fetchesAudited(resident)).isOne();

        // within the cache time the card does not fetch again
        String card = mvc.perform(get("/journal/residents/" + resident.id() + "/care")
                        .with(user(users.loadUserByUsername("operator"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("besøk planlagt " + HH_MM.format(next)).contains("siste besøk " + HH_MM.format(last));
        assertThat(EPJ.searches("CarePlan", resident.epjId())).isOne();
        assertThat(fetchesAudited(resident)).isOne();

        // after it, the alarm page's panel fetches again, and that fetch is audited too
        Thread.sleep(8_200);
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, resident.controllerId(), resident.deviceId());
        mvc.perform(get("/journal/alarms/" + alarm + "/care").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("besøk planlagt " + HH_MM.format(next))));
        assertThat(EPJ.searches("CarePlan", resident.epjId())).isEqualTo(2);
        assertThat(fetchesAudited(resident)).isEqualTo(2);
        mvc.perform(get("/console/alarms/" + alarm).with(user(users.loadUserByUsername("operator"))))
                .andExpect(content().string(Matchers.containsString("/journal/alarms/" + alarm + "/care")));
    }

    @Test
    void analystsNeverSeeCareInformationAndHomeCareOnlyTheirOwnMunicipality() throws Exception {
        endpoints.save(endpoint(CONNECTED, true, EPJ.baseUrl()));
        Resident resident = resident(CONNECTED, 1);
        serve(resident.epjId(), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
        mvc.perform(get("/api/v1/residents/" + resident.id() + "/care").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/journal/residents/" + resident.id() + "/care")
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/residents/" + resident.id() + "/care").with(httpBasic("hjemme.rana", "varde-demo")))
                .andExpect(status().isNotFound());
        assertThat(EPJ.searches("CarePlan", resident.epjId())).isZero();
        assertThat(fetchesAudited(resident)).isZero();
    }

    @Test
    void anUnreachableEpjDegradesToAClearMessageAndOldDataIsShownWithItsAge() throws Exception {
        Resident never = resident(UNREACHABLE, 0);
        endpoints.save(endpoint(UNREACHABLE, true, "http://127.0.0.1:9"));
        mvc.perform(get("/api/v1/residents/" + never.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNAVAILABLE"))
                .andExpect(jsonPath("$.problem", Matchers.containsString("VARDE-JOURNAL-003")))
                .andExpect(jsonPath("$.nextVisit").doesNotExist());
        String card = mvc.perform(get("/journal/residents/" + never.id() + "/care")
                        .with(user(users.loadUserByUsername("operator"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("EPJ kan ikke nås nå").contains("Ring hjemmetjenesten");
        assertThat(audited(never, "care information fetch from the EPJ failed%"))
                .isEqualTo(2);

        // fetched once while the EPJ answered, then it stops answering: the card shows the old data and its age
        Resident once = resident(UNREACHABLE, 1);
        Instant next = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        serve(once.epjId(), Instant.now().minus(2, ChronoUnit.HOURS), next);
        endpoints.save(endpoint(UNREACHABLE, true, EPJ.baseUrl()));
        mvc.perform(get("/api/v1/residents/" + once.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.status").value("FRESH"));
        endpoints.save(endpoint(UNREACHABLE, true, "http://127.0.0.1:9"));
        Thread.sleep(8_200);
        mvc.perform(get("/api/v1/residents/" + once.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.status").value("STALE"))
                .andExpect(jsonPath("$.nextVisit.start").value(next.toString()))
                .andExpect(jsonPath("$.fetchedAt").isNotEmpty());
        Thread.sleep(100);
        String stale = mvc.perform(get("/journal/residents/" + once.id() + "/care")
                        .with(user(users.loadUserByUsername("operator"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale).contains("Opplysningene under er fra").contains("besøk planlagt " + HH_MM.format(next));
    }

    @Test
    void aResidentWithoutEpjIdOrAMunicipalityWithoutEndpointIsSaidPlainly() throws Exception {
        Resident resident = resident(CONNECTED, 2);
        mvc.perform(get("/api/v1/residents/" + resident.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.status").value("NOT_CONNECTED"));
        endpoints.save(endpoint(CONNECTED, true, EPJ.baseUrl()));
        jdbc.sql("update resident set epj_id = null where id = ?")
                .param(resident.id())
                .update();
        mvc.perform(get("/api/v1/residents/" + resident.id() + "/care").with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.status").value("NO_EPJ_ID"));
    }

    @Test
    void closingWithInformedAboutPlannedVisitIsInTheVkpNarrative() throws Exception {
        Resident resident = resident(CONNECTED, 3);
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, resident.controllerId(), resident.deviceId());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"INFORMED_ABOUT_PLANNED_VISIT\", \"comment\": \"Besøk kl 21:30\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alarms/" + alarm + "/fhir-document").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("informert om planlagt besøk")));
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    record Resident(UUID id, String epjId, String controllerId, String deviceId) {}

    private Resident resident(String kommune, int index) {
        return jdbc.sql("""
                        select r.id, r.epj_id, d.scaip_controller_id, coalesce(d.scaip_device_id, '1') as device_id
                        from resident r join device d on d.resident_id = r.id
                        where r.kommunenummer = ? and r.epj_id is not null and d.scaip_controller_id is not null
                        order by r.id offset ? limit 1
                        """)
                .params(kommune, index)
                .query((rs, row) -> new Resident(
                        rs.getObject("id", UUID.class), rs.getString("epj_id"), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** A visit plan with a completed visit at {@code last} and a planned one at {@code next}; a service; a flag. */
    private static void serve(String epjId, Instant last, Instant next) {
        CarePlan visitPlan = new CarePlan();
        visitPlan.setId("besoksplan-" + epjId);
        visitPlan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        visitPlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        visitPlan.setSubject(new Reference("Patient/" + epjId));
        visitPlan.addCategory(new CodeableConcept(
                new Coding("http://ehelse.no/fhir/CodeSystem/vkp-careplan-category", "besoksplan", "Besøksplan")));
        visitPlan
                .addActivity()
                .getDetail()
                .setStatus(CarePlan.CarePlanActivityStatus.COMPLETED)
                .setCode(new CodeableConcept().setText("Ettermiddagsbesøk"))
                .setScheduled(new Period().setStart(Date.from(last)));
        visitPlan
                .addActivity()
                .getDetail()
                .setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
                .setCode(new CodeableConcept().setText("Kveldsbesøk"))
                .setScheduled(new Period().setStart(Date.from(next)).setEnd(Date.from(next.plusSeconds(1800))));
        // an activity without times and an unknown element must not break anything
        visitPlan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.UNKNOWN);
        CarePlan service = new CarePlan();
        service.setId("tjeneste-" + epjId);
        service.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        service.setIntent(CarePlan.CarePlanIntent.PLAN);
        service.setSubject(new Reference("Patient/" + epjId));
        service.setTitle("Hjemmesykepleie");
        service.addActivity().getDetail().setCode(new CodeableConcept().setText("Medisinhåndtering"));
        EPJ.carePlans.put(epjId, List.of(visitPlan, service));
        Flag flag = new Flag();
        flag.setId("flagg-" + epjId);
        flag.setStatus(Flag.FlagStatus.ACTIVE);
        flag.setSubject(new Reference("Patient/" + epjId));
        flag.setCode(new CodeableConcept().setText("Fallrisiko"));
        Flag inactive = new Flag();
        inactive.setId("gammelt-" + epjId);
        inactive.setStatus(Flag.FlagStatus.INACTIVE);
        inactive.setSubject(new Reference("Patient/" + epjId));
        inactive.setCode(new CodeableConcept().setText("Gammelt varsel"));
        EPJ.flags.put(epjId, List.of(flag, inactive));
    }

    private static JournalEndpoint endpoint(String kommune, boolean enabled, String base) {
        return endpoint(kommune, enabled, base, CLIENT);
    }

    private static void drainTokenRequests() {
        while (true) {
            try {
                HELSEID.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return;
            }
        }
    }

    private static JournalEndpoint endpoint(String kommune, boolean enabled, String base, String client) {
        return new JournalEndpoint(
                new Kommunenummer(kommune),
                enabled,
                URI.create(base),
                ORGNR,
                client,
                HELSEID.tokenEndpointUrl("helseid").uri(),
                "file:" + keyFile,
                "nhn:vkp/api/user/bundle.write");
    }

    private long fetchesAudited(Resident resident) {
        return audited(resident, "care information fetched from the EPJ%");
    }

    private long audited(Resident resident, String like) {
        return jdbc.sql("select count(*) from audit_event where resident_id = ? and what like ?")
                .params(resident.id(), like)
                .query(Long.class)
                .single();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return form;
    }

    static ResidentId id(UUID value) {
        return new ResidentId(value);
    }
}
