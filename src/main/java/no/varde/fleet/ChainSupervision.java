package no.varde.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.varde.alarm.AlarmId;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.fleet.DeviceSupervisions.ChainDevice;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceType;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chain supervision (issue 10 item 6). Per alarm, the chain occurred (device time) → received → first shown to an
 * operator → claimed; its distributions per vendor, protocol and municipality; the devices whose delay or clock drift
 * is abnormal; and per resident whether every link of their alarm chain has reported within its interval.
 */
@Service
public class ChainSupervision {

    /** Devices a person raises an alarm with (or that raise it for them): the links a resident's safety hangs on. */
    public static final Set<DeviceType> PERSONAL_TRIGGERS =
            EnumSet.of(DeviceType.SAFETY_ALARM, DeviceType.FALL_SENSOR, DeviceType.GPS_TRACKER);

    private static final int ABNORMAL_LIMIT = 200;

    /** Seconds of one link of the chain over the alarms that have both ends. */
    public record Link(
            long count,
            @Nullable Double p50,
            @Nullable Double p90,
            @Nullable Double p99,
            @Nullable Double max) {}

    /**
     * One group of the distributions: {@code dimension} VENDOR, PROTOCOL, MUNICIPALITY (key the kommunenummer) or
     * ALL; links in seconds.
     */
    public record Group(
            String dimension,
            String key,
            long alarms,
            Link occurredToReceived,
            Link receivedToShown,
            Link shownToClaimed,
            Link pressToClaimed) {}

    /** A device whose figures are abnormal in the period (seconds; drift is received − occurred, negative: ahead). */
    public record AbnormalDevice(
            String deviceId,
            String vendor,
            String model,
            @Nullable String serialNumber,
            String type,
            String kommunenummer,
            String protocols,
            long alarms,
            @Nullable Double medianDrift,
            @Nullable Double minDrift,
            @Nullable Double maxDrift,
            @Nullable Double maxPressToShown) {}

    /** The chain figures of a period within the user's municipalities, and the thresholds they were judged by. */
    public record Summary(
            Instant from,
            Instant to,
            long maxDriftSeconds,
            long maxAheadSeconds,
            long maxPressToOperatorSeconds,
            List<Group> groups,
            List<AbnormalDevice> abnormalDevices) {

        public List<Group> by(String dimension) {
            return groups.stream().filter(g -> g.dimension().equals(dimension)).toList();
        }

        public @Nullable Group all() {
            return groups.stream()
                    .filter(g -> g.dimension().equals("ALL"))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One alarm's chain. */
    public record AlarmChain(
            String alarmId,
            String protocol,
            String category,
            Instant occurredAt,
            Instant receivedAt,
            @Nullable Instant firstShownAt,
            @Nullable String firstShownBy,
            @Nullable Instant claimedAt,
            @Nullable String claimedBy) {}

    public enum Colour {
        GREEN,
        AMBER,
        RED
    }

    /** Why a link is not green (or {@code OK}); the page words each. */
    public enum Reason {
        OK,
        LOST_CONTACT,
        SILENT,
        LATE,
        NEVER_HEARD,
        NOT_SUPERVISED,
        NO_TRIGGER,
        CHANNEL_QUIET,
        SUPERVISION_STOPPED
    }

    /**
     * One link of a resident's chain: a device ({@code DEVICE} or its {@code BASE_UNIT}), a protocol's
     * {@code CHANNEL}, or {@code SUPERVISION} itself. {@code since}: when it was last heard (or the last pass);
     * {@code deadline}: when its silence becomes lost contact.
     */
    public record ChainLink(
            String kind,
            String subject,
            @Nullable String deviceId,
            Colour colour,
            Reason reason,
            @Nullable Instant since,
            @Nullable Instant deadline) {}

    /** A resident's chain: green only when every link reported within its interval. */
    public record ResidentChain(String residentId, Colour colour, Instant at, List<ChainLink> links) {

        public List<ChainLink> broken() {
            return links.stream().filter(l -> l.colour() != Colour.GREEN).toList();
        }
    }

    private final ChainStatistics statistics;
    private final DeviceSupervisions devices;
    private final SupervisionJob supervision;
    private final FleetProperties fleet;
    private final ChainProperties properties;
    private final AuditLog audit;

    ChainSupervision(
            ChainStatistics statistics,
            DeviceSupervisions devices,
            SupervisionJob supervision,
            FleetProperties fleet,
            ChainProperties properties,
            AuditLog audit) {
        this.audit = audit;
        this.statistics = statistics;
        this.devices = devices;
        this.supervision = supervision;
        this.fleet = fleet;
        this.properties = properties;
    }

    public ChainProperties properties() {
        return properties;
    }

    /** The chain's distributions and abnormal devices of the municipalities in scope over the default period. */
    public Summary summary(AccessScope municipalities, Instant now) {
        return summary(municipalities, now.minus(properties.period()), now);
    }

    public Summary summary(AccessScope municipalities, Instant from, Instant to) {
        return summary(municipalities, from, to, null);
    }

    /** The same for one vendor's devices only (null: every vendor). */
    @Transactional(readOnly = true)
    public Summary summary(AccessScope municipalities, Instant from, Instant to, @Nullable String vendor) {
        return new Summary(
                from,
                to,
                properties.maxDrift().toSeconds(),
                properties.maxAhead().toSeconds(),
                properties.maxPressToOperator().toSeconds(),
                statistics.groups(municipalities, from, to, vendor),
                statistics.abnormal(municipalities, from, to, vendor, properties, ABNORMAL_LIMIT));
    }

    /** One alarm's chain as the user may see it. */
    public Optional<AlarmChain> chain(VardeUser user, AccessScope scope, AlarmId id) {
        return statistics.chain(scope, NeedToKnow.seesUnassigned(user), id);
    }

    /**
     * The resident's chain at {@code now}: every active personal-trigger device (and the base unit it reports
     * through) heard within its class's interval, no open lost contact, the channel of each device's protocol heard
     * from lately, and supervision itself running. Red: a link is known broken (lost contact, silent past interval
     * and grace, no trigger in use); amber: a link cannot be vouched for (late within its grace, never heard, no
     * class, quiet channel, supervision stopped). Not audited: it is a part of the resident card, which is.
     */
    @Transactional(readOnly = true)
    public ResidentChain residentChain(AccessScope scope, ResidentId resident, Instant now) {
        devices.residentMunicipality(scope, resident).orElseThrow(() -> new NotFoundException("resident", resident));
        List<ChainLink> links = new ArrayList<>();
        List<ChainDevice> chain = devices.chainDevices(scope, resident, PERSONAL_TRIGGERS, fleet);
        if (chain.stream().noneMatch(d -> !d.baseUnit())) {
            links.add(new ChainLink("DEVICE", "", null, Colour.RED, Reason.NO_TRIGGER, null, null));
        }
        Set<String> protocols = new LinkedHashSet<>();
        for (ChainDevice device : chain) {
            links.add(deviceLink(device, now));
            if (device.protocol() != null) {
                protocols.add(device.protocol());
            }
        }
        for (String protocol : protocols) {
            Instant since = now.minus(properties.channelQuietAfter());
            Optional<Instant> last = devices.lastReportOver(protocol, since);
            links.add(new ChainLink(
                    "CHANNEL",
                    protocol,
                    null,
                    last.isPresent() ? Colour.GREEN : Colour.AMBER,
                    last.isPresent() ? Reason.OK : Reason.CHANNEL_QUIET,
                    last.orElse(null),
                    null));
        }
        SupervisionStatus status = supervision.status(now);
        Instant lastPass = status.lease() == null ? null : status.lease().lastPassAt();
        links.add(new ChainLink(
                "SUPERVISION",
                "",
                null,
                status.running() ? Colour.GREEN : Colour.AMBER,
                status.running() ? Reason.OK : Reason.SUPERVISION_STOPPED,
                lastPass,
                null));
        Colour colour =
                links.stream().map(ChainLink::colour).max(Enum::compareTo).orElse(Colour.GREEN);
        return new ResidentChain(resident.toString(), colour, now, List.copyOf(links));
    }

    /** The same for an API client, audited as a read of the resident's devices (the card audits its own). */
    @Transactional
    public ResidentChain residentChainAudited(AccessScope scope, ResidentId resident, Instant now) {
        Kommunenummer kommune = devices.residentMunicipality(scope, resident)
                .orElseThrow(() -> new NotFoundException("resident", resident));
        ResidentChain chain = residentChain(scope, resident, now);
        audit.resident(AuditAction.READ, resident.value(), kommune, "alarm chain of the resident's devices");
        return chain;
    }

    private static ChainLink deviceLink(ChainDevice device, Instant now) {
        DeviceSupervision s = device.supervision();
        String kind = device.baseUnit() ? "BASE_UNIT" : "DEVICE";
        String id = s.deviceId().toString();
        Instant heard = latest(s.lastHeardAt(), s.lastAlarmAt());
        if (s.lostContactAlarm() != null) {
            return new ChainLink(
                    kind, device.label(), id, Colour.RED, Reason.LOST_CONTACT, heard, s.lostContactAfter());
        }
        if (heard == null) {
            return new ChainLink(kind, device.label(), id, Colour.AMBER, Reason.NEVER_HEARD, null, null);
        }
        SupervisionClass supervisionClass = s.supervisionClass();
        if (supervisionClass == null) {
            return new ChainLink(kind, device.label(), id, Colour.AMBER, Reason.NOT_SUPERVISED, heard, null);
        }
        Instant lost = heard.plus(supervisionClass.silenceAllowed());
        if (now.isAfter(lost)) {
            return new ChainLink(kind, device.label(), id, Colour.RED, Reason.SILENT, heard, lost);
        }
        Duration interval = supervisionClass.interval();
        if (now.isAfter(heard.plus(interval))) {
            return new ChainLink(kind, device.label(), id, Colour.AMBER, Reason.LATE, heard, lost);
        }
        return new ChainLink(kind, device.label(), id, Colour.GREEN, Reason.OK, heard, lost);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
