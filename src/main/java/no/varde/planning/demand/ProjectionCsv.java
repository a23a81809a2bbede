package no.varde.planning.demand;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a population projection in the layout of Statistics Norway's statbank CSV export (semicolon separated,
 * fields optionally in double quotes, UTF-8 with or without BOM). Lines before the header are skipped (the title
 * and the blank line SSB writes); the header starts with {@code region}. Columns: region ("1833 Rana", "K-1833
 * Rana" or "1833"), alder ("85 år", "67-79 år", "090-104 år", "105 år eller eldre"), an optional
 * statistikkvariabel (ignored), år, and the value in the last column. Every bad cell is reported; nothing is
 * returned when there is one.
 */
public final class ProjectionCsv {

    private static final Pattern REGION = Pattern.compile("^(?:K-)?(\\d{4})(?:\\s.*)?$");
    private static final Pattern SINGLE = Pattern.compile("^0*(\\d{1,3})\\s*år$");
    private static final Pattern RANGE = Pattern.compile("^0*(\\d{1,3})\\s*[-–]\\s*0*(\\d{1,3})\\s*år$");
    private static final Pattern OLDER = Pattern.compile("^0*(\\d{1,3})\\s*år\\s+eller\\s+eldre$");

    private ProjectionCsv() {}

    public record CellProblem(int row, String column, String message) {}

    /** Persons per municipality, year and age group. */
    public record Projection(Map<String, Map<Integer, Map<AgeGroup, Long>>> persons) {}

    public static class Rejected extends RuntimeException {
        private final List<CellProblem> problems;

        Rejected(List<CellProblem> problems) {
            super("VARDE-PLAN-0020: the projection file has " + problems.size() + " bad cell(s); nothing was imported");
            this.problems = List.copyOf(problems);
        }

        public List<CellProblem> problems() {
            return problems;
        }
    }

    public static Projection parse(String text, Predicate<String> knownMunicipality) {
        List<CellProblem> problems = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            List<String> cells = split(lines[i]);
            if (!cells.isEmpty() && cells.getFirst().equalsIgnoreCase("region")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new Rejected(List.of(new CellProblem(1, "region", "no header line starting with \"region\"")));
        }
        List<String> columns = split(lines[header]);
        int age = index(columns, "alder", "age");
        int year = index(columns, "år", "year");
        int value = columns.size() - 1;
        if (age < 0 || year < 0 || value <= Math.max(age, year)) {
            throw new Rejected(List.of(new CellProblem(
                    header + 1, "header", "needs the columns region;alder;år;<value> (statistikkvariabel optional)")));
        }
        String valueName = columns.get(value);
        Map<String, Map<Integer, Map<AgeGroup, Long>>> persons = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int row = i + 1;
            List<String> cells = split(lines[i]);
            if (cells.size() != columns.size()) {
                problems.add(new CellProblem(
                        row, "row", "has " + cells.size() + " fields, the header has " + columns.size()));
                continue;
            }
            String kommune = region(cells.getFirst(), knownMunicipality, row, problems);
            AgeGroup group = ageGroup(cells.get(age), row, columns.get(age), problems);
            Integer y = year(cells.get(year), row, columns.get(year), problems);
            Long n = count(cells.get(value), row, valueName, problems);
            if (kommune != null && group != null && y != null && n != null) {
                if (!seen.add(kommune + "|" + cells.get(age) + "|" + y)) {
                    problems.add(new CellProblem(row, columns.get(age), "the same region, age and year twice"));
                    continue;
                }
                persons.computeIfAbsent(kommune, k -> new TreeMap<>())
                        .computeIfAbsent(y, k -> new EnumMap<>(AgeGroup.class))
                        .merge(group, n, Long::sum);
            }
        }
        if (persons.isEmpty() && problems.isEmpty()) {
            problems.add(new CellProblem(header + 2, "row", "the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return new Projection(persons);
    }

    private static @Nullable String region(String cell, Predicate<String> known, int row, List<CellProblem> problems) {
        Matcher m = REGION.matcher(cell);
        if (!m.matches()) {
            problems.add(new CellProblem(row, "region", "'" + cell + "' does not start with a kommunenummer"));
            return null;
        }
        if (!known.test(m.group(1))) {
            problems.add(new CellProblem(row, "region", m.group(1) + " is not a municipality of the region"));
            return null;
        }
        return m.group(1);
    }

    static @Nullable AgeGroup ageGroup(String cell, int row, String column, List<CellProblem> problems) {
        String text = cell.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher single = SINGLE.matcher(text);
        Matcher range = RANGE.matcher(text);
        Matcher older = OLDER.matcher(text);
        int low;
        int high;
        if (single.matches()) {
            low = Integer.parseInt(single.group(1));
            high = low;
        } else if (range.matches()) {
            low = Integer.parseInt(range.group(1));
            high = Integer.parseInt(range.group(2));
        } else if (older.matches()) {
            low = Integer.parseInt(older.group(1));
            high = Integer.MAX_VALUE;
        } else {
            problems.add(new CellProblem(
                    row,
                    column,
                    "'" + cell + "' is not an age such as '85 år', '67-79 år' or" + " '105 år eller eldre'"));
            return null;
        }
        AgeGroup group = low <= high ? AgeGroup.holding(low, high) : null;
        if (group == null) {
            problems.add(new CellProblem(row, column, "'" + cell + "' crosses the age groups 0–66, 67–79, 80–89, 90+"));
        }
        return group;
    }

    private static @Nullable Integer year(String cell, int row, String column, List<CellProblem> problems) {
        try {
            int y = Integer.parseInt(cell.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new CellProblem(row, column, "'" + cell + "' is not a year from 2000 to 2100"));
        return null;
    }

    private static @Nullable Long count(String cell, int row, String column, List<CellProblem> problems) {
        String text = cell.replace(" ", "").replace("\u00A0", "");
        if (text.equals(".") || text.equals("..") || text.equals(":") || text.isEmpty()) {
            problems.add(new CellProblem(row, column, "the value is missing ('" + cell + "')"));
            return null;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new CellProblem(row, column, "'" + cell + "' is not a whole number of persons ≥ 0"));
        return null;
    }

    private static int index(List<String> columns, String... names) {
        for (int i = 0; i < columns.size(); i++) {
            for (String name : names) {
                if (columns.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Semicolon-separated fields, each optionally in double quotes ("" inside quotes is one quote). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        if (line.isBlank()) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
