package no.varde.economics.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Nok;
import no.varde.economics.model.SurveyAnswer;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the as-is survey from CSV or XLSX in the demo file's format. Every bad cell is reported by row and
 * column and nothing is imported if there is one. Population is the registry's business: the {@code kommune}
 * and {@code innbyggere} columns may be present and are not read.
 */
@Service
public class SurveyImport {

    static final List<String> COST_COLUMNS = List.of(
            "lisens_nok",
            "driftsavtale_nok",
            "integrasjon_nok",
            "admin_nok",
            "lagring_server_nok",
            "manuell_oppfolging_timer");
    static final List<String> COUNT_COLUMNS =
            List.of("aktive_enheter", "tjenestemottakere", "alarmer_per_aar", "handteringsminutter");

    private final SurveyAnswers answers;
    private final Municipalities municipalities;

    SurveyImport(SurveyAnswers answers, Municipalities municipalities) {
        this.answers = answers;
        this.municipalities = municipalities;
    }

    /** Reads, checks and saves the file; throws {@link SurveyImportRejectedException} listing every bad cell. */
    @Transactional
    public List<SurveyAnswer> importFile(String filename, byte[] content, String actor) {
        List<SurveyAnswer> parsed = parse(SheetRows.read(filename, content));
        answers.saveAll(parsed, actor);
        return parsed;
    }

    List<SurveyAnswer> parse(SheetRows sheet) {
        List<CellProblem> problems = new ArrayList<>();
        List<String> header = sheet.header();
        List<String> required = new ArrayList<>(List.of("kommunenummer"));
        required.addAll(COST_COLUMNS);
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new CellProblem(
                        1, column, "", "economics.import.error.missingColumn", column, "required column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SurveyImportRejectedException(problems);
        }
        if (sheet.rows().isEmpty()) {
            throw new SurveyImportRejectedException(List.of(
                    new CellProblem(2, "*", "A2", "economics.import.error.noRows", "", "the file has no data rows")));
        }
        Set<String> seen = new HashSet<>();
        List<SurveyAnswer> result = new ArrayList<>();
        for (SheetRows.DataRow row : sheet.rows()) {
            int before = problems.size();
            RowReader reader = new RowReader(row, header, problems);
            Kommunenummer kommunenummer = reader.kommunenummer(seen);
            List<@Nullable BigDecimal> costs =
                    COST_COLUMNS.stream().map(reader::money).toList();
            boolean anyCost = COST_COLUMNS.stream().anyMatch(c -> !reader.raw(c).isEmpty());
            if (anyCost) {
                COST_COLUMNS.stream().filter(c -> reader.raw(c).isEmpty()).forEach(reader::partial);
            }
            List<@Nullable Long> counts =
                    COUNT_COLUMNS.stream().map(reader::count).toList();
            if (problems.size() == before && kommunenummer != null) {
                result.add(new SurveyAnswer(
                        kommunenummer,
                        anyCost ? costs(costs) : null,
                        counts.get(0),
                        counts.get(1),
                        counts.get(2),
                        counts.get(3)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SurveyImportRejectedException(problems);
        }
        return result;
    }

    @SuppressWarnings("NullAway")
    private static AsIsCosts costs(List<@Nullable BigDecimal> values) {
        return new AsIsCosts(
                new Nok(values.get(0)),
                new Nok(values.get(1)),
                new Nok(values.get(2)),
                new Nok(values.get(3)),
                new Nok(values.get(4)),
                values.get(5));
    }

    /** Reads one row's cells by column name and records each bad cell. */
    private final class RowReader {

        private final SheetRows.DataRow row;
        private final List<String> header;
        private final List<CellProblem> problems;

        RowReader(SheetRows.DataRow row, List<String> header, List<CellProblem> problems) {
            this.row = row;
            this.header = header;
            this.problems = problems;
        }

        String raw(String column) {
            int index = header.indexOf(column);
            return index < 0 ? "" : row.get(index);
        }

        @Nullable
        Kommunenummer kommunenummer(Set<String> seen) {
            String value = raw("kommunenummer");
            if (!Kommunenummer.isValid(value)) {
                problem("kommunenummer", "economics.import.error.kommunenummer", value, "must be four digits");
                return null;
            }
            Kommunenummer kommunenummer = Kommunenummer.of(value);
            if (!seen.add(kommunenummer.value())) {
                problem("kommunenummer", "economics.import.error.duplicate", value, "appears more than once");
                return null;
            }
            if (!municipalities.exists(kommunenummer)) {
                problem(
                        "kommunenummer",
                        "economics.import.error.unknown",
                        value,
                        "is not a municipality of the registry");
                return null;
            }
            return kommunenummer;
        }

        @Nullable
        BigDecimal money(String column) {
            String value = raw(column);
            if (value.isEmpty()) {
                return null;
            }
            BigDecimal amount = Amounts.money(value);
            if (amount == null) {
                problem(
                        column,
                        "economics.import.error.amount",
                        value,
                        "must be an amount of zero or more with at most two decimals");
            }
            return amount;
        }

        @Nullable
        Long count(String column) {
            String value = raw(column);
            if (value.isEmpty()) {
                return null;
            }
            Long count = Amounts.count(value);
            if (count == null) {
                problem(column, "economics.import.error.count", value, "must be a whole number of zero or more");
            }
            return count;
        }

        void partial(String column) {
            problem(
                    column,
                    "economics.import.error.partial",
                    "",
                    "is empty while other cost cells of the row are filled; fill all or leave all empty");
        }

        private void problem(String column, String key, String value, String message) {
            String cell = SheetRows.columnLetter(header.indexOf(column)) + row.row();
            problems.add(new CellProblem(
                    row.row(),
                    column,
                    cell,
                    key,
                    value,
                    "row " + row.row() + ", column " + column + " (" + cell + "): "
                            + (value.isEmpty() ? "" : "'" + value + "' ") + message));
        }
    }
}
