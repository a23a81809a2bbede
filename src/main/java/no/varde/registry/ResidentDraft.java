package no.varde.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * A resident as entered in a form, an API call or an import row, before it is checked. Text fields so that
 * every wrong value can be reported by field name instead of failing on the first parse error.
 */
public record ResidentDraft(
        @Nullable String kommunenummer,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String birthDate,
        @Nullable String nationalId,
        @Nullable String streetAddress,
        @Nullable String postalCode,
        @Nullable String postalPlace,
        @Nullable String phone,
        @Nullable String mobilePhone,
        @Nullable String entryMethod,
        @Nullable String entryDetails,
        @Nullable String operatorNotes,
        @Nullable String epjId,
        @Nullable Boolean active,
        @Nullable List<RelativeDraft> relatives) {

    public record RelativeDraft(
            @Nullable String name,
            @Nullable String relation,
            @Nullable String phone,
            @Nullable Boolean smsConsent) {

        boolean isBlank() {
            return blank(name) && blank(relation) && blank(phone);
        }
    }

    /** The same draft with another national id. */
    ResidentDraft withNationalId(String value) {
        return new ResidentDraft(
                kommunenummer,
                givenName,
                familyName,
                birthDate,
                value,
                streetAddress,
                postalCode,
                postalPlace,
                phone,
                mobilePhone,
                entryMethod,
                entryDetails,
                operatorNotes,
                epjId,
                active,
                relatives);
    }

    public List<FieldProblem> validate() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Kommunenummer.isValid(kommunenummer)) {
            problems.add(new FieldProblem("kommunenummer", "must be four digits"));
        }
        required(problems, "givenName", givenName);
        required(problems, "familyName", familyName);
        if (parseDate(birthDate) == null) {
            problems.add(new FieldProblem("birthDate", "must be a date as YYYY-MM-DD, not in the future"));
        }
        if (!NationalId.isValid(strip(nationalId))) {
            problems.add(new FieldProblem("nationalId", "must be an 11-digit national id with valid check digits"));
        }
        required(problems, "streetAddress", streetAddress);
        if (postalCode == null || !postalCode.strip().matches("\\d{4}")) {
            problems.add(new FieldProblem("postalCode", "must be four digits"));
        }
        required(problems, "postalPlace", postalPlace);
        optionalPhone(problems, "phone", phone);
        optionalPhone(problems, "mobilePhone", mobilePhone);
        if (parseEntryMethod(entryMethod) == null) {
            problems.add(
                    new FieldProblem("entryMethod", "must be one of KEY_BOX, E_LOCK, KEY_AT_TEAM, UNLOCKED, OTHER"));
        }
        List<RelativeDraft> given = relatives == null ? List.of() : relatives;
        for (int i = 0; i < given.size(); i++) {
            RelativeDraft relative = given.get(i);
            if (relative == null || relative.isBlank()) {
                continue;
            }
            required(problems, "relatives[" + i + "].name", relative.name());
            if (!Phones.isValid(strip(relative.phone()))) {
                problems.add(new FieldProblem("relatives[" + i + "].phone", Phones.RULE));
            }
        }
        return problems;
    }

    /** The filled-in relatives whose consent to SMS this draft declares. */
    List<Relative> relativesDeclaringSmsConsent() {
        List<Relative> ordered = relativesInOrder();
        List<Relative> result = new ArrayList<>();
        List<RelativeDraft> filled = relatives == null
                ? List.of()
                : relatives.stream()
                        .filter(draft -> draft != null && !draft.isBlank())
                        .toList();
        for (int i = 0; i < filled.size(); i++) {
            if (Boolean.TRUE.equals(filled.get(i).smsConsent())) {
                result.add(ordered.get(i));
            }
        }
        return result;
    }

    /** The filled-in relatives in the given order, numbered from priority 1. */
    List<Relative> relativesInOrder() {
        List<Relative> result = new ArrayList<>();
        if (relatives != null) {
            for (RelativeDraft draft : relatives) {
                if (draft != null && !draft.isBlank()) {
                    result.add(new Relative(
                            result.size() + 1,
                            strip(draft.name()),
                            emptyToNull(draft.relation()),
                            strip(draft.phone()).replace(" ", "")));
                }
            }
        }
        return result;
    }

    static @Nullable LocalDate parseDate(@Nullable String text) {
        try {
            LocalDate date = LocalDate.parse(strip(text));
            return date.isAfter(LocalDate.now()) || date.getYear() < 1890 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static @Nullable EntryMethod parseEntryMethod(@Nullable String text) {
        try {
            return EntryMethod.valueOf(strip(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void required(List<FieldProblem> problems, String field, @Nullable String value) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "must not be blank"));
        }
    }

    private static void optionalPhone(List<FieldProblem> problems, String field, @Nullable String value) {
        if (!blank(value) && !Phones.isValid(value.strip())) {
            problems.add(new FieldProblem(field, Phones.RULE));
        }
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static @Nullable String emptyToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
