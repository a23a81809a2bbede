package no.varde.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.AlarmId;
import no.varde.audit.AuditSubjects.Resident;
import no.varde.dispatch.DispatchTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit trail answers an access request ("who has looked at my data?"): a municipal admin finds the resident
 * by name or national id, reads the entries with the resident's name and labels in their language, page by page,
 * and exports them with the names. The national id is masked until asked for, and each reveal is its own entry.
 * Polls and re-rendered panels follow the audit rule (one READ per user, resident and 10 minutes). Every subject
 * is made fresh here: the database is shared with other classes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessRequestAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private final List<AlarmId> alarms = new ArrayList<>();

    @Test
    void aSearchByNameFindsTheResidentAndShowsTheEntriesWithTheNameAndNorwegianLabels() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Kari");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        read(operator, resident);

        String page = page(admin, get("/audit").param("q", resident.familyName().toLowerCase()), 200);
        assertThat(section(page, "audit-matches")).contains(resident.fullName());
        assertThat(rows(page))
                .as("the operator's read of the resident, with the resident's name and Norwegian labels")
                .anySatisfy(row -> assertThat(row)
                        .contains(operator)
                        .contains(resident.fullName())
                        .contains("Lest")
                        .contains("Operatør")
                        .contains("API")
                        .contains("Alarmhåndtering i responssenteret"));
        assertThat(rows(page)).noneSatisfy(row -> assertThat(row).contains(">READ<"));
        assertThat(rows(page)).allSatisfy(row -> assertThat(row).contains(resident.fullName()));

        String english =
                page(admin, get("/audit").param("q", resident.fullName()).param("lang", "en"), 200);
        assertThat(english).contains("Resident (name or national id)");
        assertThat(rows(english))
                .anySatisfy(row -> assertThat(row)
                        .contains(operator)
                        .contains(">Read<")
                        .contains("Operator")
                        .contains("Response-centre alarm handling"));

        // the name is sent to the admin: a read of the resident by the admin, by the audit rule
        assertThat(reads(admin, resident)).isEqualTo(1);
        // the search itself is recorded, under the admin's municipality
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'SEARCH'"
                                + " and kommunenummer = '1813' and what like ?")
                        .params(
                                admin,
                                "audit trail search for a resident '%"
                                        + resident.familyName().toLowerCase() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(get("/api/v1/audit").param("q", resident.fullName()).with(httpBasic(admin, AuditSubjects.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + operator + "')].residentName")
                        .value(resident.fullName()));
    }

    @Test
    void aSearchByNationalIdFindsTheResidentWithoutWritingTheIdIntoTheTrail() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Nils");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        read(operator, resident);

        String page = page(admin, get("/audit").param("q", resident.nationalId()), 200);
        assertThat(section(page, "audit-matches")).contains(resident.fullName());
        assertThat(rows(page))
                .anySatisfy(row -> assertThat(row).contains(operator).contains(resident.fullName()));
        assertThat(jdbc.sql("select what from audit_event where username = ? and action = 'SEARCH'")
                        .param(admin)
                        .query(String.class)
                        .list())
                .containsExactly("audit trail search for a resident by national id: 1 resident(s) found");

        String wrongCheckDigits =
                resident.nationalId().substring(0, 10) + ((resident.nationalId().charAt(10) - '0' + 1) % 10);
        String refused = page(admin, get("/audit").param("q", wrongCheckDigits), 400);
        assertThat(section(refused, "audit-problems"))
                .contains("Tjenestemottaker")
                .contains("national id");
    }

    @Test
    void anotherMunicipalitysResidentIsNotFoundByNameNorNamed() throws Exception {
        Resident elsewhere = AuditSubjects.resident(this::api, "Rana", "1833");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        read(operator, elsewhere);

        String page = page(admin, get("/audit").param("q", elsewhere.fullName()), 200);
        assertThat(section(page, "audit-matches")).contains("Ingen tjenestemottaker");
        assertThat(section(page, "audit-matches")).doesNotContain(elsewhere.familyName() + "</a>");
        assertThat(rows(page)).isEmpty();
        assertThat(reads(admin, elsewhere)).isZero();
    }

    @Test
    void pagesWalkTheWholeTrailOfAResidentNewestFirstWithoutGapsOrRepeatsAndKeepTheFilter() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Side");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        for (int i = 0; i < 23; i++) {
            read(operator, resident);
        }
        List<Long> expected = jdbc.sql("select id from audit_event where resident_id = ? and kommunenummer = '1813'"
                        + " order by occurred_at desc, id desc")
                .param(resident.id())
                .query(Long.class)
                .list();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(24);

        List<Long> seen = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String link = "/audit?resident=" + resident.id() + "&size=10";
        while (link != null) {
            String page = page(admin, get(link), 200);
            pages.add(page);
            seen.addAll(ids(page));
            assertThat(ids(page).size()).isLessThanOrEqualTo(10);
            link = href(page, "audit-older");
            if (link != null) {
                assertThat(link).contains("resident=" + resident.id()).contains("size=10");
            }
        }
        // the admin's own read (the names on the first page) is newer than the walk: leave it out
        List<Long> ownReads = jdbc.sql("select id from audit_event where resident_id = ? and username = ?")
                .params(resident.id(), admin)
                .query(Long.class)
                .list();
        List<Long> walked =
                expected.stream().filter(id -> !ownReads.contains(id)).toList();
        assertThat(seen).containsExactlyElementsOf(walked);
        assertThat(pages).hasSize((walked.size() + 9) / 10);
        // counted before the admin's own read was written
        assertThat(pages.getFirst()).contains("Viser 10 av " + walked.size() + " hendelser");
        assertThat(href(pages.getFirst(), "audit-newer")).isNull();

        // back from the last page: the page before it again
        String back = href(pages.getLast(), "audit-newer");
        assertThat(back).contains("after=").contains("resident=" + resident.id());
        assertThat(ids(page(admin, get(back), 200))).isEqualTo(ids(pages.get(pages.size() - 2)));
    }

    @Test
    void filtersThatCannotBeUsedAreNamedAndNeverAnswer500() throws Exception {
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        assertThat(section(page(admin, get("/audit").param("resident", "not-a-uuid"), 400), "audit-problems"))
                .contains("Tjenestemottakerens id");
        assertThat(section(page(admin, get("/audit").param("before", "yesterday"), 400), "audit-problems"))
                .contains("paging link");
        page(admin, get("/audit").param("before", "99999999999999999999.1"), 400);
        page(admin, get("/audit").param("before", "-5.1"), 400);
        page(admin, get("/audit").param("after", "1.1").param("before", "1.1"), 400);
        page(admin, get("/audit").param("q", "x".repeat(201)), 400);
        page(admin, get("/audit").param("from", "2026-12-01").param("to", "2026-11-01"), 400);
        page(admin, get("/audit").param("q", "%_\\'\""), 200);
        page(admin, get("/audit").param("size", "-3"), 200);
        mvc.perform(get("/api/v1/audit").param("resident", "nope").with(httpBasic(admin, AuditSubjects.PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").param("q", "12345678901").with(httpBasic(admin, AuditSubjects.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void theExportCarriesTheResidentsNameWhereTheAdminMaySeeIt() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Eksport");
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        read(operator, resident);
        String csv = mvc.perform(get("/audit/export.csv")
                        .param("q", resident.fullName())
                        .with(user(users.loadUserByUsername(admin))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";resident_name");
        assertThat(csv.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"" + operator + "\";OPERATOR;READ;" + resident.id())
                        .endsWith(";\"" + resident.fullName() + "\""));
    }

    @Test
    void theNationalIdIsMaskedUntilAskedAndEachRevealIsItsOwnAuditEntry() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Maske");
        String homeCare = AuditSubjects.account(this::api, "HOME_CARE");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");

        String card = page(homeCare, get("/residents/" + resident.id()), 200);
        assertThat(card)
                .contains(resident.nationalId().substring(0, 6) + " *****")
                .doesNotContain(resident.nationalId());

        for (int i = 0; i < 2; i++) {
            String fragment = mvc.perform(post("/residents/" + resident.id() + "/national-id")
                            .header("HX-Request", "true")
                            .with(csrf())
                            .with(user(users.loadUserByUsername(homeCare))))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(fragment).contains(resident.nationalId()).doesNotContain("<html");
        }
        // without JavaScript: the card with the id shown
        String withoutJs = mvc.perform(post("/residents/" + resident.id() + "/national-id")
                        .with(csrf())
                        .with(user(users.loadUserByUsername(homeCare))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(withoutJs).contains("<html").contains(resident.nationalId());

        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and resident_id = ?"
                                + " and action = 'REVEAL' and kommunenummer = '1813'")
                        .params(homeCare, resident.id())
                        .query(Long.class)
                        .single())
                .as("every reveal is audited, none absorbed by the 10-minute rule for reads")
                .isEqualTo(3);

        String trail = page(admin, get("/audit").param("resident", resident.id().toString()), 200);
        assertThat(rows(trail))
                .filteredOn(row -> row.contains("data-action=\"REVEAL\""))
                .hasSize(3)
                .allSatisfy(
                        row -> assertThat(row).contains("Fødselsnummer vist").contains(homeCare));

        mvc.perform(post("/residents/" + resident.id() + "/national-id")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/residents/" + resident.id() + "/national-id")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("hjemme.rana"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEditFormNeverSendsTheWholeNationalIdAndAnEmptyFieldKeepsIt() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Skjema");
        String admin = AuditSubjects.account(this::api, "MUNICIPAL_ADMIN");
        String form = page(admin, get("/residents/" + resident.id() + "/edit"), 200);
        assertThat(form)
                .doesNotContain(resident.nationalId())
                .contains("placeholder=\"" + resident.nationalId().substring(0, 6) + " *****\"")
                .contains("id=\"nationalId-hint\"");

        String version = JsonPath.read(
                        api("GET", "/api/v1/residents/" + resident.id(), "", "sysadmin", "varde-demo")
                                .body(),
                        "$.version")
                .toString();
        mvc.perform(post("/residents")
                        .with(csrf())
                        .with(user(users.loadUserByUsername(admin)))
                        .param("id", resident.id().toString())
                        .param("version", version)
                        .param("kommunenummer", "1813")
                        .param("givenName", resident.givenName())
                        .param("familyName", resident.familyName())
                        .param("birthDate", "1940-01-01")
                        .param("nationalId", "")
                        .param("streetAddress", "Nyveien 3")
                        .param("postalCode", "8900")
                        .param("postalPlace", "Brønnøysund")
                        .param("entryMethod", "KEY_BOX")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        String stored = api("GET", "/api/v1/residents/" + resident.id(), "", "sysadmin", "varde-demo")
                .body();
        assertThat(stored).contains("Nyveien 3").contains(resident.nationalId());
    }

    @Test
    void pollingTheEpjStatusAndReloadingTheCarePanelAddNoReadPerPoll() throws Exception {
        Resident resident = AuditSubjects.resident(this::api, "Poll");
        String controller = AuditSubjects.device(this::api, resident);
        String operator = AuditSubjects.account(this::api, "OPERATOR");
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, controller, "1");
        alarms.add(alarm);

        for (int i = 0; i < 5; i++) {
            page(operator, get("/journal/alarms/" + alarm + "/status"), 200);
            page(operator, get("/journal/alarms/" + alarm + "/care"), 200);
            page(operator, get("/journal/residents/" + resident.id() + "/care"), 200);
        }
        assertThat(reads(operator, resident))
                .as("fifteen loads of the alarm page's panels within ten minutes: one read")
                .isEqualTo(1);

        // a user who may not see the alarm learns nothing and leaves no read
        mvc.perform(get("/journal/alarms/" + alarm + "/care").with(user(users.loadUserByUsername("hjemme.rana"))))
                .andExpect(status().isNotFound());
        assertThat(reads("hjemme.rana", resident)).isZero();
    }

    @AfterEach
    void closeFixtureAlarms() {
        // other classes share the database and its queue: the fixtures' alarms leave it (they were never handled)
        jdbc.sql("update alarm set state = 'CLOSED', outcome = 'OTHER', closed_at = now() where id = any(?)")
                .param(alarms.stream().map(AlarmId::value).toArray(UUID[]::new))
                .update();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private AuditSubjects.Answer api(String method, String path, String json, String username, String password)
            throws Exception {
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(method), path)
                .with(httpBasic(username, password))
                .accept(MediaType.APPLICATION_JSON);
        if (!json.isEmpty()) {
            builder.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MvcResult result = mvc.perform(builder).andReturn();
        return new AuditSubjects.Answer(
                result.getResponse().getStatus(), result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A read of the resident through the API: always its own READ entry (not a list). */
    private void read(String username, Resident resident) throws Exception {
        mvc.perform(get("/api/v1/residents/" + resident.id()).with(httpBasic(username, AuditSubjects.PASSWORD)))
                .andExpect(status().isOk());
    }

    private String page(String username, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(request.with(user(users.loadUserByUsername(username))))
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
        return body;
    }

    private long reads(String username, Resident resident) {
        return jdbc.sql("select count(*) from audit_event where username = ? and resident_id = ? and action = 'READ'")
                .params(username, resident.id())
                .query(Long.class)
                .single();
    }

    private static final Pattern ROW = Pattern.compile("<tr data-action=.*?</tr>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("data-id=\"(\\d+)\"");

    private static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.add(matcher.group());
        }
        return rows;
    }

    private static List<Long> ids(String page) {
        List<Long> ids = new ArrayList<>();
        Set<Long> unique = new HashSet<>();
        for (String row : rows(page)) {
            Matcher matcher = ID.matcher(row);
            assertThat(matcher.find()).isTrue();
            long id = Long.parseLong(matcher.group(1));
            assertThat(unique.add(id)).isTrue();
            ids.add(id);
        }
        return ids;
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s on the page", id).isNotNegative();
        return page.substring(start, Math.min(page.length(), start + 2_000));
    }

    private static String href(String page, String id) {
        Matcher matcher =
                Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }
}
