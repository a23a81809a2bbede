package no.varde.economics.survey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A table read from a CSV or XLSX file as text cells: the header names (lower case) and the data rows with the
 * row number they have in the file. CSV may be separated by semicolons or commas (the header decides), with or
 * without a byte-order mark; XLSX is read from its first sheet, numbers as plain decimals.
 */
record SheetRows(List<String> header, List<DataRow> rows) {

    record DataRow(int row, List<String> cells) {

        String get(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    static SheetRows read(String filename, byte[] content) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || looksLikeZip(content)) {
            return xlsx(content);
        }
        return csv(new String(content, StandardCharsets.UTF_8));
    }

    static SheetRows csv(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> header = null;
            List<DataRow> rows = new ArrayList<>();
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells.stream().map(SheetRows::normalise).toList();
                    continue;
                }
                DataRow row = new DataRow(line, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
            return new SheetRows(header == null ? List.of() : header, rows);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw unreadable("CSV", e);
        }
    }

    static SheetRows xlsx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content);
                Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            List<DataRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                int width = header == null ? row.getLastCellNum() : header.size();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(width, 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (header == null) {
                    header = cells.stream().map(SheetRows::normalise).toList();
                    continue;
                }
                DataRow data = new DataRow(row.getRowNum() + 1, cells);
                if (!data.isBlank()) {
                    rows.add(data);
                }
            }
            return new SheetRows(header == null ? List.of() : header, rows);
        } catch (IOException | RuntimeException e) {
            throw unreadable("XLSX", e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return type == CellType.BLANK ? "" : formatter.formatCellValue(cell);
    }

    private static SurveyImportRejectedException unreadable(String format, Exception e) {
        return new SurveyImportRejectedException(List.of(new CellProblem(
                0,
                "*",
                "",
                "economics.import.error.unreadable",
                format,
                "the file is not readable as " + format + ": " + e.getMessage())));
    }

    private static String normalise(String name) {
        return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static boolean looksLikeZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
