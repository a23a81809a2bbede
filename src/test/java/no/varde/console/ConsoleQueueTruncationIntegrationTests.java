package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.accounts.UserAccounts;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.AlarmState;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.alarm.Outcome;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A queue longer than one page never hides alarms silently: the total and a warning are shown. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleQueueTruncationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Alarms alarms;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void aQueueLongerThanThePageShowsTheTotalAndAWarning() throws Exception {
        VardeUser operator = accounts.findByUsername("operator").orElseThrow().toVardeUser();
        EnumSet<AlarmState> open = EnumSet.complementOf(EnumSet.of(AlarmState.CLOSED));
        List<AlarmId> created = new ArrayList<>();
        try {
            while (alarms.count(operator, open, AlarmCategory.ALARM) <= 200) {
                created.add(receive());
            }
            long total = alarms.count(operator, open, AlarmCategory.ALARM);
            String page = mvc.perform(get("/console/queue").with(user(users.loadUserByUsername("operator"))))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("id=\"queue-truncated\"").contains(String.valueOf(total));
        } finally {
            // leave the shared database's queue as it was for the other tests
            for (AlarmId id : created) {
                alarms.claim(operator, id);
                alarms.close(operator, id, Outcome.FALSE_ALARM, "test cleanup");
            }
        }
        String page = mvc.perform(get("/console/queue").with(user(users.loadUserByUsername("operator"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.contains("id=\"queue-truncated\""))
                .isEqualTo(alarms.count(operator, open, AlarmCategory.ALARM) > 200);
    }

    private AlarmId receive() {
        Instant now = Instant.now();
        return alarms.receive(new DeviceEvent(
                EventSource.HTTP,
                "test:" + UUID.randomUUID(),
                new DeviceIdentity(
                        null, null, null, "99" + String.format("%013d", (long) (Math.random() * 1e12)), null, null),
                null,
                null,
                "BUTTON_PRESSED",
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                Map.of()));
    }
}
