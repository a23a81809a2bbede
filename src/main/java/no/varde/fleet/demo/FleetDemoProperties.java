package no.varde.fleet.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's simulated vendor platform ({@code varde.demo.fleet-simulation.*}; development setup only).
 *
 * @param enabled run the simulation (the demo profile turns it on)
 * @param token the demo integration's token (documented in the README; never a production secret)
 * @param startDelay wait after start-up before the first round
 * @param period one round: heartbeats of every simulated device
 * @param technicalEvery a round of technical events every this many rounds
 * @param resumeAfter when the one device that fell silent comes back
 * @param perMunicipality safety alarms simulated per municipality
 * @param seed which devices are chosen and how they behave
 */
@ConfigurationProperties("varde.demo.fleet-simulation")
record FleetDemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String token,
        @DefaultValue("15s") Duration startDelay,
        @DefaultValue("60s") Duration period,
        @DefaultValue("5") int technicalEvery,
        @DefaultValue("20m") Duration resumeAfter,
        @DefaultValue("3") int perMunicipality,
        @DefaultValue("18") long seed) {}
