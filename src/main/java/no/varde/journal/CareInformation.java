package no.varde.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.journal.delivery.EpjCareClient;
import no.varde.registry.AccessScopes;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care information from the resident's EPJ (VKP read side): the visit plan, services and measures, flags. Fetched
 * for a resident with an EPJ id whose municipality has an enabled VKP endpoint, kept for {@code cache-ttl} on this
 * node, and every fetch from the EPJ is audited. When the EPJ does not answer, the last data is shown with its age,
 * or a clear message when there is none. Callers restrict it to operators and home care (never analysts).
 */
@Service
public class CareInformation {

    private record Cached(CareSummary summary, Instant fetchedAt) {}

    private final Residents residents;
    private final Alarms alarms;
    private final AccessScopes scopes;
    private final JournalEndpoints endpoints;
    private final EpjCareClient client;
    private final AuditLog audit;
    private final CareProperties properties;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    CareInformation(
            Residents residents,
            Alarms alarms,
            AccessScopes scopes,
            JournalEndpoints endpoints,
            EpjCareClient client,
            AuditLog audit,
            CareProperties properties,
            Clock clock) {
        this.residents = residents;
        this.alarms = alarms;
        this.scopes = scopes;
        this.endpoints = endpoints;
        this.client = client;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public CareSummary ofResident(VardeUser user, ResidentId id) {
        // a panel of the resident card, loaded with it: audited by the audit rule, not once per load
        Resident resident = residents.getShown(scopes.forUser(user), id, "care information from the EPJ");
        return summary(resident);
    }

    /** The care information of the alarm's resident, if the alarm has one. */
    @Transactional
    public Optional<CareSummary> ofAlarm(VardeUser user, AlarmId id) {
        // a panel of the alarm page, loaded again on each re-render: audited by the audit rule, not once per load
        Alarm alarm = alarms.findVisible(user, id).orElseThrow(() -> new NotFoundException("alarm", id));
        if (alarm.residentId() == null) {
            return Optional.empty();
        }
        Resident resident = residents.getShown(
                scopes.forUser(user), alarm.residentId(), "alarm " + id + ": care information from the EPJ");
        return Optional.of(summary(resident));
    }

    /** Forgets what was fetched (tests; an operator who wants the newest now). */
    public void forget(ResidentId id) {
        cache.remove(id.value());
    }

    private CareSummary summary(Resident resident) {
        if (resident.epjId() == null || resident.epjId().isBlank()) {
            return CareSummary.without(CareSummary.Status.NO_EPJ_ID, null);
        }
        Optional<JournalEndpoint> endpoint =
                endpoints.find(resident.kommunenummer()).filter(JournalEndpoint::enabled);
        if (endpoint.isEmpty()) {
            return CareSummary.without(CareSummary.Status.NOT_CONNECTED, null);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(resident.id().value());
        if (cached != null && cached.fetchedAt().plus(properties.cacheTtl()).isAfter(now)) {
            return cached.summary();
        }
        try {
            EpjCareClient.EpjCare care = client.fetch(endpoint.get(), properties.readScope(), resident.epjId());
            CareSummary summary = CarePlanReading.summary(care.carePlans(), care.flags(), now);
            audit.resident(
                    AuditAction.READ,
                    resident.id().value(),
                    resident.kommunenummer(),
                    "care information fetched from the EPJ (VKP, "
                            + endpoint.get().organisationNumber() + "): "
                            + care.carePlans().size() + " care plans, "
                            + care.flags().size() + " flags");
            // the cache time runs from the answer, not from the question (a slow EPJ must not expire it at once)
            cache.put(resident.id().value(), new Cached(summary, clock.instant()));
            return summary;
        } catch (EpjCareClient.EpjUnavailable e) {
            audit.resident(
                    AuditAction.READ,
                    resident.id().value(),
                    resident.kommunenummer(),
                    "care information fetch from the EPJ failed: " + e.getMessage());
            return cached == null
                    ? CareSummary.without(CareSummary.Status.UNAVAILABLE, e.getMessage())
                    : cached.summary().stale(e.getMessage());
        }
    }
}
