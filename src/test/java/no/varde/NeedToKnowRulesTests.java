package no.varde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Need-to-know as a rule: every class whose SQL reads or writes a personal-data table uses the one scoped-query
 * component ({@code registry.NeedToKnow}), unless it is a system task listed here with the reason it needs no
 * user's scope. Nobody writes the scope filter by hand.
 *
 * <p>Why a rule test and not PostgreSQL row-level security: RLS needs every transaction to carry the user's
 * scope (a {@code set local} per request) and a second database role for the system tasks that must see
 * everything (reception, deadlines, journal, call-outs); the two-role setup is being introduced by the durability
 * and security work (issue 14) and the scope would then be set in one place. Until then the rule test keeps the
 * one component honest at build time, with no runtime cost on the alarm path.
 */
class NeedToKnowRulesTests {

    static final Path SOURCES = Path.of("src/main/java/no/varde");

    /** Tables that hold residents' personal data or point at a resident. */
    static final Pattern PERSONAL_TABLE = Pattern.compile(
            "(?i)\\b(from|join|update|into)\\s+(resident|relative|device|alarm|alarm_timeline|callout|callout_contact)\\b");

    static final String COMPONENT = "NeedToKnow.";

    /** System tasks that act without a user's scope, and why that is right. */
    static final Map<String, String> SYSTEM_TASKS = Map.of(
            "dispatch/callout/Callouts.java",
            "call-outs are created by the dispatch listener for the alarm's own municipality; a home-care"
                    + " worker reaches one only through its signed link",
            "dispatch/sms/SmsDelivery.java",
            "sends queued call-out messages; no user reads through it",
            "alarm/AlarmFacts.java",
            "counts per municipality and month for the benefit figures, never a row of one resident; its callers"
                    + " check the user's municipality and suppress counts below the threshold",
            "ingest/scaip/ScaipVoiceCalls.java",
            "the SCAIP receiver finds the alarm id of the device that just tried a voice call (its latest open alarm"
                    + " by the controller's received events) to note the refused call on it; no user reads through it",
            "fleet/RuleDecisions.java",
            "fleet rules find the open technical alarms of the device a clearing event came from and record their"
                    + " decisions by alarm id; no user reads through it",
            "fleet/SilentTriggers.java",
            "the supervision pass finds personal triggers silent past their rule (device ids and identities, no"
                    + " resident) to raise a safety risk for the operator; no user reads through it",
            "fleet/Incidents.java",
            "the supervision pass groups silent and faulty devices into incidents by ids and counts and closes their"
                    + " technical alarms by rule; users read incidents through FleetIncidents, which is scoped",
            "fleet/Protection.java",
            "the supervision pass asks whether a resident still has a working device (ids only) to raise a safety"
                    + " risk in the resident's own municipality; no user reads through it",
            "ingest/demo/DemoDeviceKeys.java",
            "development setup only: gives the demo devices their published keys at start-up; no user reads"
                    + " through it");

    @Test
    void everyQueryOfPersonalDataGoesThroughTheNeedToKnowComponent() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        int checked = 0;
        for (Path file : files) {
            String relative = SOURCES.relativize(file).toString().replace('\\', '/');
            String source = Files.readString(file);
            if (!PERSONAL_TABLE.matcher(source).find() || relative.equals("registry/NeedToKnow.java")) {
                continue;
            }
            checked++;
            if (SYSTEM_TASKS.containsKey(relative)) {
                continue;
            }
            assertThat(source)
                    .as(
                            "%s queries a personal-data table: use registry.NeedToKnow (or list it as a system task"
                                    + " with its reason)",
                            relative)
                    .contains(COMPONENT);
        }
        assertThat(checked)
                .as("the rule found the classes that query personal data")
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void nobodyWritesTheScopeFilterByHand() throws IOException {
        Pattern handWritten = Pattern.compile("(?i)=\\s*any\\(:(kommuner|scopeKommuner)\\)|:scopeAll|\"everything\"");
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file :
                    walk.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (file.endsWith("NeedToKnow.java")) {
                    continue;
                }
                assertThat(handWritten.matcher(Files.readString(file)).find())
                        .as("%s writes the need-to-know filter by hand; use registry.NeedToKnow", file)
                        .isFalse();
            }
        }
    }
}
