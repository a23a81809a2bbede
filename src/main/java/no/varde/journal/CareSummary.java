package no.varde.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the resident card shows of the care the resident already gets, from the EPJ: the next planned home-care
 * visit and the last one, today's planned visits, the services and measures, and the patient's flags.
 *
 * @param fetchedAt when the data was fetched from the EPJ (null when nothing was ever fetched)
 * @param problem why the EPJ could not be asked or did not answer (for UNAVAILABLE and STALE)
 */
public record CareSummary(
        Status status,
        @Nullable Visit nextVisit,
        @Nullable Visit lastVisit,
        List<Visit> upcoming,
        List<String> services,
        List<String> flags,
        @Nullable Instant fetchedAt,
        @Nullable String problem) {

    public enum Status {
        /** Fetched within the cache time. */
        FRESH,
        /** The EPJ did not answer now; this is the data of the last successful fetch. */
        STALE,
        /** The EPJ did not answer and nothing was fetched before. */
        UNAVAILABLE,
        /** The resident's municipality has no enabled VKP endpoint. */
        NOT_CONNECTED,
        /** The resident has no EPJ id. */
        NO_EPJ_ID
    }

    /** One visit of the visit plan (besøksplan). */
    public record Visit(Instant start, @Nullable Instant end, String what, String status) {}

    public boolean hasData() {
        return status == Status.FRESH || status == Status.STALE;
    }

    /** How old the data is, at {@code now}. */
    public @Nullable Duration age(Instant now) {
        return fetchedAt == null ? null : Duration.between(fetchedAt, now);
    }

    static CareSummary without(Status status, @Nullable String problem) {
        return new CareSummary(status, null, null, List.of(), List.of(), List.of(), null, problem);
    }

    CareSummary stale(String why) {
        return new CareSummary(Status.STALE, nextVisit, lastVisit, upcoming, services, flags, fetchedAt, why);
    }
}
