package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import no.varde.console.live.ConsoleStreams;
import no.varde.console.live.ConsoleStreams.LiveEvent;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Need-to-know on the live stream: an operator of another response centre never gets a signal about alarms of
 * the municipalities our centre serves, while our operators get every one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleScopeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResponseCentres centres;

    @Autowired
    ConsoleStreams streams;

    @Test
    void aStreamOfAnotherCentresOperatorNeverCarriesOurCentresAlarms() throws Exception {
        ResponseCentre demo = centres.all().stream()
                .filter(centre -> !centre.servedMunicipalities().isEmpty())
                .findFirst()
                .orElseThrow();
        // a second centre, as in scenario 2 (joining an existing centre elsewhere): it serves none of ours
        ResponseCentre other = centres.save(new ResponseCentre(
                UUID.randomUUID(), "Annet responssenter " + UUID.randomUUID(), null, null, List.of()));
        VardeUser ours = operator("ours", demo.id());
        VardeUser theirs = operator("theirs", other.id());
        List<LiveEvent> toOurs = Collections.synchronizedList(new ArrayList<>());
        List<LiveEvent> toTheirs = Collections.synchronizedList(new ArrayList<>());
        Runnable closeOurs = streams.open(ours, new Capture(toOurs));
        Runnable closeTheirs = streams.open(theirs, new Capture(toTheirs));
        try {
            List<String> posted = new ArrayList<>();
            for (String kommune : List.of(
                    demo.servedMunicipalities().getFirst().value(),
                    demo.servedMunicipalities().getLast().value())) {
                String[] device = ConsoleTestClient.residentDevice(jdbc, kommune);
                posted.add(ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", device[0], device[1]));
            }
            long end = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < end && !ids(toOurs).containsAll(posted)) {
                Thread.sleep(20);
            }
            assertThat(ids(toOurs))
                    .as("our operator gets every alarm of our municipalities")
                    .containsAll(posted);
            Thread.sleep(300); // the other stream had the same chance to receive them
            assertThat(ids(toTheirs)).as("the other centre's operator").doesNotContainAnyElementsOf(posted);
        } finally {
            closeOurs.run();
            closeTheirs.run();
        }
    }

    private static List<String> ids(List<LiveEvent> events) {
        synchronized (events) {
            return events.stream().map(LiveEvent::id).toList();
        }
    }

    private static VardeUser operator(String name, UUID centre) {
        return new VardeUser(UUID.randomUUID(), "scope-test-" + name, name, Role.OPERATOR, null, centre);
    }

    private record Capture(List<LiveEvent> events) implements ConsoleStreams.Sink {

        @Override
        public void send(LiveEvent event) {
            events.add(event);
        }

        @Override
        public void comment(String text) {}

        @Override
        public void close() {}
    }
}
