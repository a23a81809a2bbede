package no.varde.benefits.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.varde.benefits.BenefitArea;
import no.varde.benefits.Indicator;
import no.varde.benefits.MeasurementSource;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Parses and checks benefits input, naming every bad field. */
final class BenefitsInput {

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Municipalities municipalities;

    BenefitsInput(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Nullable
    YearMonth month(String field, @Nullable String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required (YYYY-MM)"));
            }
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                problems.add(new FieldProblem(field, "must be a month from 2000 to 2100"));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a month written YYYY-MM"));
            return null;
        }
    }

    @Nullable
    String municipality(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!Kommunenummer.isValid(value) || !municipalities.exists(Kommunenummer.of(value))) {
            problems.add(new FieldProblem(field, "is not a municipality of the region"));
            return null;
        }
        return value;
    }

    @Nullable
    BigDecimal number(String field, @Nullable String text, boolean required, boolean allowNegative) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
            if ((!allowNegative && value.signum() < 0)
                    || value.scale() > 2
                    || value.abs().compareTo(TOO_LARGE) >= 0) {
                problems.add(new FieldProblem(
                        field, "must be a number with at most two decimals" + (allowNegative ? "" : ", not negative")));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a number"));
            return null;
        }
    }

    <E extends Enum<E>> @Nullable E choice(String field, @Nullable String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required: " + List.of(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    String text(String field, @Nullable String text, boolean required, int max) {
        String value = text == null ? "" : text.strip();
        if (required && value.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    void check(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-BEN-0010: the request has invalid fields", problems);
        }
    }

    static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    /** An indicator from its fields; every problem is reported at once. */
    static Indicator indicator(Municipalities municipalities, UUID id, IndicatorRequest r, String actor) {
        BenefitsInput in = new BenefitsInput(municipalities);
        String name = in.text("name", r.name(), true, 200);
        BenefitArea area = in.choice("area", r.area(), BenefitArea.class);
        String unit = in.text("unit", r.unit(), true, 40);
        String owner = in.municipality("owner", r.owner());
        BigDecimal baseline = in.number("baseline", r.baseline(), true, true);
        String note = in.text("baselineNote", r.baselineNote(), false, 1000);
        BigDecimal target = in.number("target", r.target(), true, true);
        YearMonth start = in.month("startMonth", r.startMonth(), true);
        YearMonth end = in.month("targetMonth", r.targetMonth(), true);
        MeasurementSource source = in.choice("source", r.source(), MeasurementSource.class);
        BigDecimal minutes = in.number("minutesPerAlarm", r.minutesPerAlarm(), false, false);
        in.check(start == null || end == null || end.isAfter(start), "targetMonth", "must come after startMonth");
        in.check(
                source != MeasurementSource.RULE_HOURS || minutes != null,
                "minutesPerAlarm",
                "is required when hours saved are measured from technical alarms handled by rules");
        in.throwIfInvalid();
        return new Indicator(id, name, area, unit, owner, baseline, note, target, start, end, source, minutes, actor);
    }

    /** Fields as text so that a bad value is named, not a JSON parse error. */
    record IndicatorRequest(
            @Nullable String name,
            @Nullable String area,
            @Nullable String unit,
            @Nullable String owner,
            @Nullable String baseline,
            @Nullable String baselineNote,
            @Nullable String target,
            @Nullable String startMonth,
            @Nullable String targetMonth,
            @Nullable String source,
            @Nullable String minutesPerAlarm) {}

    record MeasurementRequest(
            @Nullable String month,
            @Nullable String kommunenummer,
            @Nullable String value,
            @Nullable String note) {}
}
