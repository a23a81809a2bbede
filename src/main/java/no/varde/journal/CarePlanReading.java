package no.varde.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * Turns the EPJ's care plans and flags into the card's summary. The visit plan is the CarePlan whose category is
 * the visit plan (besøksplan); its activities with times are the visits. Every other CarePlan is a service or a
 * planned measure. Unknown or missing elements are skipped, never an error.
 */
final class CarePlanReading {

    /** Our reading of the visit-plan category: any of these codes, or this text, in CarePlan.category. */
    static final Set<String> VISIT_PLAN_CODES = Set.of("besoksplan", "besøksplan", "visit-plan", "visitplan");

    static final int MAX_UPCOMING = 6;
    static final int MAX_ITEMS = 12;

    private CarePlanReading() {}

    static CareSummary summary(List<CarePlan> plans, List<Flag> flags, Instant fetchedAt) {
        List<CareSummary.Visit> visits = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        for (CarePlan plan : plans) {
            if (plan.getStatus() == CarePlan.CarePlanStatus.REVOKED
                    || plan.getStatus() == CarePlan.CarePlanStatus.ENTEREDINERROR) {
                continue;
            }
            if (isVisitPlan(plan)) {
                visits.addAll(visits(plan));
            } else {
                String name = firstText(plan.getTitle(), plan.getDescription(), categoryText(plan));
                if (name != null) {
                    services.add(name);
                }
                for (CarePlan.CarePlanActivityComponent activity : plan.getActivity()) {
                    String measure =
                            activity.hasDetail() ? text(activity.getDetail().getCode()) : null;
                    if (measure == null && activity.hasDetail()) {
                        measure = blank(activity.getDetail().getDescription());
                    }
                    if (measure != null) {
                        services.add(name == null ? measure : name + ": " + measure);
                    }
                }
            }
        }
        visits.sort(Comparator.comparing(CareSummary.Visit::start));
        CareSummary.Visit next = visits.stream()
                .filter(v -> !v.start().isBefore(fetchedAt) && planned(v))
                .findFirst()
                .orElse(null);
        CareSummary.Visit last = visits.stream()
                .filter(v -> v.start().isBefore(fetchedAt) && !"cancelled".equals(v.status()))
                .filter(v -> "completed".equals(v.status())
                        || "in-progress".equals(v.status())
                        || v.status().isEmpty())
                .reduce((a, b) -> b)
                .orElse(null);
        List<CareSummary.Visit> upcoming = visits.stream()
                .filter(v -> !v.start().isBefore(fetchedAt) && planned(v))
                .limit(MAX_UPCOMING)
                .toList();
        List<String> flagTexts = flags.stream()
                .filter(f ->
                        f.getStatus() != Flag.FlagStatus.INACTIVE && f.getStatus() != Flag.FlagStatus.ENTEREDINERROR)
                .map(f -> text(f.getCode()))
                .filter(t -> t != null)
                .distinct()
                .limit(MAX_ITEMS)
                .toList();
        return new CareSummary(
                CareSummary.Status.FRESH,
                next,
                last,
                upcoming,
                services.stream().limit(MAX_ITEMS).toList(),
                flagTexts,
                fetchedAt,
                null);
    }

    private static boolean planned(CareSummary.Visit visit) {
        return !"cancelled".equals(visit.status())
                && !"completed".equals(visit.status())
                && !"stopped".equals(visit.status())
                && !"entered-in-error".equals(visit.status());
    }

    static boolean isVisitPlan(CarePlan plan) {
        for (CodeableConcept category : plan.getCategory()) {
            for (Coding coding : category.getCoding()) {
                if (coding.getCode() != null
                        && VISIT_PLAN_CODES.contains(coding.getCode().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            String text = category.getText();
            if (text != null
                    && VISIT_PLAN_CODES.contains(
                            text.strip().toLowerCase(Locale.ROOT).replace(' ', '-'))) {
                return true;
            }
        }
        return false;
    }

    private static List<CareSummary.Visit> visits(CarePlan plan) {
        List<CareSummary.Visit> visits = new ArrayList<>();
        for (CarePlan.CarePlanActivityComponent activity : plan.getActivity()) {
            if (!activity.hasDetail()) {
                continue;
            }
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            Instant start = null;
            Instant end = null;
            try {
                if (detail.hasScheduledPeriod()) {
                    start = instant(detail.getScheduledPeriod().getStart());
                    end = instant(detail.getScheduledPeriod().getEnd());
                } else if (detail.hasScheduledTiming()
                        && detail.getScheduledTiming().hasEvent()) {
                    start = instant(
                            detail.getScheduledTiming().getEvent().getFirst().getValue());
                }
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                continue;
            }
            if (start == null) {
                continue;
            }
            String what = firstText(text(detail.getCode()), blank(detail.getDescription()), "Besøk");
            String status = detail.getStatus() == null ? "" : detail.getStatus().toCode();
            visits.add(new CareSummary.Visit(start, end, what, status));
        }
        return visits;
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static @Nullable String categoryText(CarePlan plan) {
        return plan.getCategory().stream()
                .map(CarePlanReading::text)
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    static @Nullable String text(@Nullable CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (blank(concept.getText()) != null) {
            return concept.getText().strip();
        }
        return concept.getCoding().stream()
                .map(Coding::getDisplay)
                .map(CarePlanReading::blank)
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String firstText(@Nullable String... texts) {
        for (String text : texts) {
            if (blank(text) != null) {
                return text.strip();
            }
        }
        return null;
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
