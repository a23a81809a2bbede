package no.varde.registry.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceDraft;
import no.varde.registry.Devices;
import no.varde.registry.Residents;
import no.varde.shared.ResidentId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports devices from CSV. Columns: {@code kommunenummer, type, vendor, model, scaip_controller_id,
 * scaip_device_id, sia_account, imei, serial_number, resident_national_id, placement, status}. The resident is
 * named by national id, which is what the municipality knows. All rows or none.
 */
@Service
public class DeviceImport {

    public static final List<String> REQUIRED = List.of("kommunenummer", "type", "vendor", "model");

    private static final Map<String, String> FIELD_TO_COLUMN = Map.of(
            "scaipControllerId", "scaip_controller_id",
            "scaipDeviceId", "scaip_device_id",
            "siaAccount", "sia_account",
            "serialNumber", "serial_number",
            "residentId", "resident_national_id");

    private final Devices devices;
    private final Residents residents;

    DeviceImport(Devices devices, Residents residents) {
        this.devices = devices;
        this.residents = residents;
    }

    @Transactional
    public int importCsv(AccessScope scope, String csv) {
        CsvTable table = CsvTable.parse(csv, REQUIRED);
        List<ImportProblem> problems = new ArrayList<>();
        List<DeviceDraft> drafts = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String nationalId = row.get("resident_national_id");
            String residentId = null;
            if (!nationalId.isEmpty()) {
                residentId = residents
                        .findIdByNationalId(scope, nationalId)
                        .map(ResidentId::toString)
                        .orElse(null);
                if (residentId == null) {
                    problems.add(new ImportProblem(
                            row.line(), "resident_national_id", "no resident you may see has this national id"));
                }
            }
            DeviceDraft draft = new DeviceDraft(
                    row.get("kommunenummer"),
                    row.get("type"),
                    row.get("vendor"),
                    row.get("model"),
                    row.get("scaip_controller_id"),
                    row.get("scaip_device_id"),
                    row.get("sia_account"),
                    row.get("imei"),
                    row.get("serial_number"),
                    residentId,
                    row.get("placement"),
                    row.get("status"));
            devices.problemsOf(scope, draft)
                    .forEach(p -> problems.add(new ImportProblem(
                            row.line(), FIELD_TO_COLUMN.getOrDefault(p.field(), p.field()), p.message())));
            drafts.add(draft);
        }
        duplicates(table, problems, "scaip_controller_id", "scaip_device_id");
        duplicates(table, problems, "sia_account");
        duplicates(table, problems, "imei");
        duplicates(table, problems, "vendor", "serial_number");
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(2, "*", "the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        devices.createAll(scope, drafts);
        return drafts.size();
    }

    /** The same identity twice in one file, which the database check cannot see before the insert. */
    private static void duplicates(CsvTable table, List<ImportProblem> problems, String... columns) {
        Map<String, Long> seen = new java.util.HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.get(columns[columns.length - 1]).isEmpty()
                    && row.get(columns[0]).isEmpty()) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (String column : columns) {
                key.append(row.get(column).toUpperCase(java.util.Locale.ROOT)).append('|');
            }
            if (row.get(columns[0]).isEmpty()) {
                continue;
            }
            Long earlier = seen.putIfAbsent(key.toString(), row.line());
            if (earlier != null) {
                problems.add(new ImportProblem(row.line(), columns[columns.length - 1], "same as line " + earlier));
            }
        }
    }
}
