package no.varde.fleet.web;

import java.time.Duration;
import java.time.Instant;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The period of the chain figures: {@code from}/{@code to} as given, else the default period up to now. */
record ChainPeriod(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(366);

    static ChainPeriod of(@Nullable String from, @Nullable String to, Duration defaultPeriod, Instant now) {
        Instant end = to == null || to.isBlank() ? now : parse("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(defaultPeriod) : parse("from", from);
        if (!start.isBefore(end)) {
            throw InvalidInputException.of("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw InvalidInputException.of("from", "the period may be at most 366 days");
        }
        return new ChainPeriod(start, end);
    }

    static ChainPeriod ofDays(int days, Instant now) {
        if (days < 1 || days > 366) {
            throw InvalidInputException.of("days", "must be between 1 and 366");
        }
        return new ChainPeriod(now.minus(Duration.ofDays(days)), now);
    }

    /** A vendor filter: blank is none; at most 200 characters, no NUL. */
    static @Nullable String vendor(@Nullable String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return null;
        }
        if (vendor.length() > 200 || vendor.indexOf('\0') >= 0) {
            throw InvalidInputException.of("vendor", "must be a vendor's name (at most 200 characters)");
        }
        return vendor.strip();
    }

    private static Instant parse(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
