package no.varde.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fleet supervision ({@code varde.fleet.*}).
 *
 * @param supervisionEnabled whether this node takes part in supervision at all (any number of nodes may; the lease
 *     lets one at a time check)
 * @param checkPeriod how often the node holding the lease checks every supervised device
 * @param leaseTtl how long a node's lease lasts without renewal: when a node stops, another takes over after this
 * @param scaipHeartbeats the class matching the SCAIP {@code hbi} code Varde assigns its base units
 *     ({@code varde.ingest.scaip.heartbeat-interval}); empty: SCAIP devices fall back to their device type's class
 * @param dc09Polling the class of the DC-09 {@code NULL} polling agreed per account; empty: the device type's
 * @param httpHeartbeats the class of HTTP integrations' {@code HEARTBEAT} events; empty: the device type's
 * @param radioTests the class of pendants and detectors supervised through their base unit's radio tests (SCAIP
 *     {@code 0102}/{@code 0103} naming the sub-device): bases test their radio links about daily, so 25 h
 * @param scaipHbiClasses the class per SCAIP {@code hbi} code (as Varde assigns it, {@code varde.ingest.scaip
 *     .heartbeat-interval}): a base unit's class follows the code it was last told, so changing the code moves each
 *     base when it is told the new one; a code not listed falls back to {@code scaipHeartbeats}
 * @param storm when many devices of one group fall silent or fault together: one incident ({@code varde.fleet.storm.*})
 */
@ConfigurationProperties("varde.fleet")
public record FleetProperties(
        @DefaultValue("true") boolean supervisionEnabled,
        @DefaultValue("30s") Duration checkPeriod,
        @DefaultValue("2m") Duration leaseTtl,
        @Nullable SupervisionClass scaipHeartbeats,
        @Nullable SupervisionClass dc09Polling,
        @Nullable SupervisionClass httpHeartbeats,
        @DefaultValue("HOURS_25") SupervisionClass radioTests,
        @Nullable Map<String, SupervisionClass> scaipHbiClasses,
        @DefaultValue Storm storm) {

    @ConstructorBinding
    public FleetProperties {
        scaipHbiClasses = scaipHbiClasses == null ? Map.of() : Map.copyOf(scaipHbiClasses);
        if (scaipHbiClasses.keySet().stream().anyMatch(code -> !code.matches("[0-9A-Za-z]{1,8}"))) {
            throw new IllegalArgumentException(
                    "VARDE-FLEET-0005: varde.fleet.scaip-hbi-classes: hbi codes are 1 to 8 letters or digits");
        }
        if (leaseTtl.compareTo(checkPeriod) <= 0) {
            throw new IllegalArgumentException(
                    "VARDE-FLEET-0001: varde.fleet.lease-ttl must be longer than varde.fleet.check-period");
        }
    }

    /** Settings with the defaults for radio tests, hbi classes (none) and storms. */
    public FleetProperties(
            boolean supervisionEnabled,
            Duration checkPeriod,
            Duration leaseTtl,
            @Nullable SupervisionClass scaipHeartbeats,
            @Nullable SupervisionClass dc09Polling,
            @Nullable SupervisionClass httpHeartbeats) {
        this(
                supervisionEnabled,
                checkPeriod,
                leaseTtl,
                scaipHeartbeats,
                dc09Polling,
                httpHeartbeats,
                SupervisionClass.HOURS_25,
                Map.of(),
                new Storm(true, 10, 0.2, Duration.ofMinutes(10), Map.of()));
    }

    /**
     * Storms and correlated outages ({@code varde.fleet.storm.*}): when at least {@code minDevices} devices AND at
     * least {@code minShare} of a group's supervised devices (one municipality, vendor or protocol) fall silent or
     * report a technical fault within {@code window}, they become one incident.
     *
     * @param adminPhones per municipality (kommunenummer), the phones of its administrators told of an incident by
     *     SMS through the outbox (the accounts hold no phone numbers); empty: told in the app only
     */
    public record Storm(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") int minDevices,
            @DefaultValue("0.2") double minShare,
            @DefaultValue("10m") Duration window,
            @DefaultValue Map<String, List<String>> adminPhones) {

        public Storm {
            if (minDevices < 2 || minShare < 0 || minShare > 1) {
                throw new IllegalArgumentException("VARDE-FLEET-0004: varde.fleet.storm.min-devices must be at least 2"
                        + " and varde.fleet.storm.min-share between 0 and 1");
            }
            adminPhones = Map.copyOf(adminPhones);
        }
    }

    /** A pass older than this means supervision has stopped on every node. */
    public Duration staleAfter() {
        return leaseTtl.plus(checkPeriod.multipliedBy(2));
    }
}
