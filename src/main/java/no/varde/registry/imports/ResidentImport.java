package no.varde.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.varde.registry.AccessScope;
import no.varde.registry.ResidentDraft;
import no.varde.registry.Residents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports residents from CSV. Columns: {@code kommunenummer, given_name, family_name, birth_date (YYYY-MM-DD),
 * national_id, street_address, postal_code, postal_place, phone, mobile_phone, entry_method, entry_details,
 * operator_notes, epj_id} and up to three relatives {@code relativeN_name, relativeN_relation, relativeN_phone,
 * relativeN_sms_consent (ja/nei)}. All rows or none.
 */
@Service
public class ResidentImport {

    public static final List<String> REQUIRED = List.of(
            "kommunenummer",
            "given_name",
            "family_name",
            "birth_date",
            "national_id",
            "street_address",
            "postal_code",
            "postal_place",
            "entry_method");

    private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
            Map.entry("kommunenummer", "kommunenummer"),
            Map.entry("givenName", "given_name"),
            Map.entry("familyName", "family_name"),
            Map.entry("birthDate", "birth_date"),
            Map.entry("nationalId", "national_id"),
            Map.entry("streetAddress", "street_address"),
            Map.entry("postalCode", "postal_code"),
            Map.entry("postalPlace", "postal_place"),
            Map.entry("phone", "phone"),
            Map.entry("mobilePhone", "mobile_phone"),
            Map.entry("entryMethod", "entry_method"));

    private final Residents residents;

    ResidentImport(Residents residents) {
        this.residents = residents;
    }

    @Transactional
    public int importCsv(AccessScope scope, String csv) {
        CsvTable table = CsvTable.parse(csv, REQUIRED);
        List<ImportProblem> problems = new ArrayList<>();
        List<ResidentDraft> drafts = new ArrayList<>();
        Map<String, Long> nationalIds = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            ResidentDraft draft = draftOf(row);
            residents
                    .problemsOf(scope, draft)
                    .forEach(p -> problems.add(new ImportProblem(row.line(), column(p.field()), p.message())));
            Long earlier = nationalIds.putIfAbsent(row.get("national_id"), row.line());
            if (earlier != null && !row.get("national_id").isEmpty()) {
                problems.add(new ImportProblem(row.line(), "national_id", "same national id as line " + earlier));
            }
            drafts.add(draft);
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(2, "*", "the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        residents.createAll(scope, drafts);
        return drafts.size();
    }

    private static ResidentDraft draftOf(CsvTable.Row row) {
        List<ResidentDraft.RelativeDraft> relatives = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String prefix = "relative" + n + "_";
            relatives.add(new ResidentDraft.RelativeDraft(
                    row.get(prefix + "name"),
                    row.get(prefix + "relation"),
                    row.get(prefix + "phone"),
                    Cells.yes(row.get(prefix + "sms_consent"))));
        }
        return new ResidentDraft(
                row.get("kommunenummer"),
                row.get("given_name"),
                row.get("family_name"),
                row.get("birth_date"),
                row.get("national_id"),
                row.get("street_address"),
                row.get("postal_code"),
                row.get("postal_place"),
                row.get("phone"),
                row.get("mobile_phone"),
                row.get("entry_method"),
                row.get("entry_details"),
                row.get("operator_notes"),
                row.get("epj_id"),
                true,
                relatives);
    }

    /** Maps a field name of the draft ({@code relatives[1].phone}) to the CSV column ({@code relative2_phone}). */
    static String column(String field) {
        if (field.startsWith("relatives[")) {
            int index = Integer.parseInt(field.substring(10, field.indexOf(']')));
            return "relative" + (index + 1) + "_" + field.substring(field.indexOf('.') + 1);
        }
        return FIELD_TO_COLUMN.getOrDefault(field, field);
    }
}
