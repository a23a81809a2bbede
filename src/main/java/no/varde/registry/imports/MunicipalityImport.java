package no.varde.registry.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports municipalities from the survey file format ({@code kommunenummer;kommune;innbyggere;...}); cost
 * columns are the economics module's business and are ignored here.
 */
@Service
public class MunicipalityImport {

    static final List<String> COLUMNS = List.of("kommunenummer", "kommune", "innbyggere");

    private final Municipalities municipalities;

    MunicipalityImport(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Transactional
    public List<Municipality> importCsv(String csv) {
        List<Municipality> parsed = parse(csv);
        municipalities.saveAll(parsed);
        return parsed;
    }

    public static List<Municipality> parse(String csv) {
        CsvTable table = CsvTable.parse(csv, COLUMNS);
        List<ImportProblem> problems = new ArrayList<>();
        List<Municipality> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String knr = row.get("kommunenummer");
            String name = row.get("kommune");
            String population = row.get("innbyggere");
            int before = problems.size();
            if (!Kommunenummer.isValid(knr)) {
                problems.add(new ImportProblem(row.line(), "kommunenummer", "must be four digits, was '" + knr + "'"));
            } else if (!seen.add(knr)) {
                problems.add(new ImportProblem(row.line(), "kommunenummer", knr + " appears more than once"));
            }
            if (name.isBlank()) {
                problems.add(new ImportProblem(row.line(), "kommune", "must not be empty"));
            }
            Integer inhabitants = Cells.nonNegativeInt(population);
            if (inhabitants == null) {
                problems.add(new ImportProblem(
                        row.line(), "innbyggere", "must be a whole number of zero or more, was '" + population + "'"));
            }
            if (problems.size() == before) {
                result.add(new Municipality(Kommunenummer.of(knr), name, inhabitants));
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(2, "*", "the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return result;
    }
}
