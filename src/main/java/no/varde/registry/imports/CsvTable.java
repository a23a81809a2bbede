package no.varde.registry.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read leniently as people export them from spreadsheets: semicolon or comma separated (the
 * header line decides), UTF-8 with or without byte-order mark, header names case-insensitive.
 */
public record CsvTable(List<String> header, List<Row> rows) {

    public record Row(long line, Map<String, String> cells) {

        public String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    public static CsvTable parse(String text, List<String> requiredColumns) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count()
                        >= firstLine.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (Reader reader = new StringReader(content);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            List<ImportProblem> missing = requiredColumns.stream()
                    .filter(column -> !header.contains(column))
                    .map(column -> new ImportProblem(1, column, "required column is missing from the header"))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ImportRejectedException(missing);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new java.util.HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                if (record.size() != header.size()) {
                    throw new ImportRejectedException(List.of(new ImportProblem(
                            record.getParser().getCurrentLineNumber(),
                            "*",
                            "has " + record.size() + " cells, the header has " + header.size())));
                }
                rows.add(new Row(record.getParser().getCurrentLineNumber(), cells));
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ImportRejectedException(
                    List.of(new ImportProblem(0, "*", "not readable as CSV: " + e.getMessage())));
        }
    }
}
