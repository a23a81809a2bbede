package no.varde.benefits.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.measures.Measure;
import no.varde.benefits.measures.Stage;
import no.varde.registry.Municipalities;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** A measure from its request, every bad field named; the need is required first of all. */
final class MeasureInput {

    private MeasureInput() {}

    record MeasureRequest(
            @Nullable String need,
            @Nullable String name,
            @Nullable String owner,
            @Nullable List<String> municipalities,
            @Nullable Map<String, String> costPerYear,
            @Nullable List<String> indicators,
            @Nullable String economicsItem,
            @Nullable List<InvolvementRequest> involvement) {}

    record InvolvementRequest(
            @Nullable String party,
            @Nullable String description,
            @Nullable String happenedOn) {}

    record StageRequest(@Nullable String stage) {}

    static Measure measure(
            UUID id,
            Stage stage,
            int version,
            MeasureRequest r,
            String actor,
            Municipalities municipalities,
            BenefitPlan plan) {
        BenefitsInput in = new BenefitsInput(municipalities);
        List<FieldProblem> extra = new ArrayList<>();
        String need = in.text("need", r.need(), true, 2000);
        String name = in.text("name", r.name(), true, 200);
        String owner = in.text("owner", r.owner(), true, 200);
        Set<String> kommuner = new HashSet<>();
        for (String k : r.municipalities() == null ? List.<String>of() : r.municipalities()) {
            String valid = in.municipality("municipalities", k);
            if (valid != null) {
                kommuner.add(valid);
            }
        }
        in.check(!(kommuner.isEmpty()), "municipalities", "name at least one municipality");
        TreeMap<Integer, BigDecimal> years = new TreeMap<>();
        (r.costPerYear() == null ? Map.<String, String>of() : r.costPerYear()).forEach((year, cost) -> {
            try {
                int y = Integer.parseInt(year.strip());
                BigDecimal value = in.number("costPerYear." + year, cost, true, false);
                in.check(y >= 2000 && y <= 2100, "costPerYear." + year, "the year must be 2000 to 2100");
                if (value != null) {
                    years.put(y, value);
                }
            } catch (NumberFormatException e) {
                extra.add(new FieldProblem("costPerYear." + year, "is not a year"));
            }
        });
        Set<UUID> indicators = new HashSet<>();
        for (String text : r.indicators() == null ? List.<String>of() : r.indicators()) {
            try {
                UUID indicator = UUID.fromString(text.strip());
                in.check(plan.find(indicator).isPresent(), "indicators", "no indicator " + text);
                indicators.add(indicator);
            } catch (IllegalArgumentException e) {
                extra.add(new FieldProblem("indicators", "is not an indicator id: " + text));
            }
        }
        List<Measure.Involvement> involvement = new ArrayList<>();
        for (InvolvementRequest i : r.involvement() == null ? List.<InvolvementRequest>of() : r.involvement()) {
            String party = i.party() == null ? "" : i.party().strip();
            in.check(
                    Set.of("USERS", "STAFF", "OTHER").contains(party),
                    "involvement.party",
                    "must be USERS, STAFF or OTHER");
            String description = in.text("involvement.description", i.description(), true, 1000);
            LocalDate when = null;
            try {
                when = i.happenedOn() == null
                        ? null
                        : LocalDate.parse(i.happenedOn().strip());
            } catch (DateTimeParseException e) {
                when = null;
            }
            in.check(when != null, "involvement.happenedOn", "must be a date written YYYY-MM-DD");
            if (when != null) {
                involvement.add(new Measure.Involvement(party, description, when, actor));
            }
        }
        String item = in.text("economicsItem", r.economicsItem(), false, 200);
        if (!extra.isEmpty()) {
            extra.forEach(p -> in.check(false, p.field(), p.message()));
        }
        in.throwIfInvalid();
        return new Measure(id, need, name, owner, stage, kommuner, years, involvement, indicators, item, version);
    }

    static Stage stage(@Nullable StageRequest request) {
        try {
            return Stage.valueOf(
                    request == null || request.stage() == null
                            ? ""
                            : request.stage().strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("stage", "must be one of " + List.of(Stage.values()));
        }
    }
}
