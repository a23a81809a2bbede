package no.varde.fleet;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs supervision on one node at a time: every node asks for the lease each period; the holder renews it and runs
 * a pass, the others wait. When the holder stops, its lease expires and another node takes over. Any node that
 * sees no pass for {@link FleetProperties#staleAfter()} reports that supervision itself has stopped.
 */
@Component
public class SupervisionJob {

    /** The lease all nodes of one Varde installation share. */
    public static final String LEASE = "supervision";

    private static final Logger log = LoggerFactory.getLogger(SupervisionJob.class);

    private final Supervision supervision;
    private final SupervisionLease lease;
    private final FleetProperties properties;
    private final Clock clock;
    private @Nullable SilentTriggers silentTriggers;
    private final @Nullable SupervisionAlerts alerts;

    @Autowired
    SupervisionJob(
            Supervision supervision,
            JdbcClient jdbc,
            FleetProperties properties,
            Clock clock,
            SupervisionAlerts alerts) {
        this(
                supervision,
                new SupervisionLease(jdbc, LEASE, "node-" + UUID.randomUUID(), properties.leaseTtl()),
                properties,
                clock,
                alerts);
    }

    /** A node with its own lease (tests run two "nodes" on one lease name), without alerts. */
    public SupervisionJob(Supervision supervision, SupervisionLease lease, FleetProperties properties, Clock clock) {
        this(supervision, lease, properties, clock, null);
    }

    /** A node with its own lease that alerts system administrators when supervision under that lease stops. */
    public SupervisionJob(
            Supervision supervision,
            SupervisionLease lease,
            FleetProperties properties,
            Clock clock,
            @Nullable SupervisionAlerts alerts) {
        this.supervision = supervision;
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** The pass also raises personal triggers silent past their rule (a hook beside the lost-contact pass). */
    @Autowired
    void silentTriggers(SilentTriggers silentTriggers) {
        this.silentTriggers = silentTriggers;
    }

    @Scheduled(
            initialDelayString = "${varde.fleet.check-period:30s}",
            fixedDelayString = "${varde.fleet.check-period:30s}")
    void tick() {
        if (properties.supervisionEnabled()) {
            runOnce(clock.instant());
        }
    }

    /** A node shutting down cleanly hands supervision over at once instead of after the lease expires. */
    @PreDestroy
    void stop() {
        lease.release();
    }

    /** Runs a pass if this node holds (or takes) the lease; empty when another node supervises. */
    public Optional<Supervision.Pass> runOnce(Instant now) {
        if (!lease.tryAcquire(now)) {
            reportIfStopped(now);
            return Optional.empty();
        }
        Supervision.Pass pass;
        try {
            pass = supervision.check(now);
        } catch (RuntimeException failed) {
            // a node that holds the lease but cannot complete a pass is a stop too; nobody else would notice it
            reportIfStopped(now);
            throw failed;
        }
        lease.recordPass(now, pass.supervised(), pass.millis());
        int unprotected = silentTriggers == null ? 0 : silentTriggers.check(now);
        if (unprotected > 0) {
            log.warn(
                    "VARDE-FLEET-0302: {} personal triggers silent past their rule raised as safety risks",
                    unprotected);
        }
        if (alerts != null) {
            alerts.resumed(lease.name(), now);
        }
        if (pass.raised() + pass.cleared() + pass.waitsExpired() > 0) {
            log.info(
                    "VARDE-FLEET-0002: supervision pass on {}: {} devices, {} lost contact raised, {} cleared, {} waits"
                            + " ended, {} ms",
                    lease.node(),
                    pass.supervised(),
                    pass.raised(),
                    pass.cleared(),
                    pass.waitsExpired(),
                    pass.millis());
        }
        return Optional.of(pass);
    }

    /** The shared lease: who supervises, until when, and the last pass. */
    public SupervisionStatus status(Instant now) {
        Optional<SupervisionLease.State> state = lease.state();
        boolean running = state.map(
                        s -> s.lastPassAt() != null && !s.lastPassAt().isBefore(now.minus(properties.staleAfter())))
                .orElse(false);
        return new SupervisionStatus(properties.supervisionEnabled(), running, state.orElse(null), lease.node());
    }

    private void reportIfStopped(Instant now) {
        SupervisionStatus status = status(now);
        if (!status.running() && status.lease() != null) {
            log.error(
                    "VARDE-FLEET-0003: supervision has not completed a pass since {} (lease held by {} until {})",
                    status.lease().lastPassAt(),
                    status.lease().holder(),
                    status.lease().expiresAt());
            if (alerts != null) {
                alerts.stopped(lease.name(), status.lease().lastPassAt(), now, lease.node());
            }
        }
    }
}
