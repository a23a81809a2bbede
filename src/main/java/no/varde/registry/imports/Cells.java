package no.varde.registry.imports;

import org.jspecify.annotations.Nullable;

/** Parsing of single CSV cells; null means the cell is not valid. */
final class Cells {

    private Cells() {}

    static @Nullable Integer nonNegativeInt(String cell) {
        try {
            int value = Integer.parseInt(cell.replace(" ", "").replace("\u00A0", ""));
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ja/yes/true/1 are yes; anything else is no. */
    static boolean yes(String cell) {
        return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ja", "j", "yes", "y", "true", "1", "x" -> true;
            default -> false;
        };
    }
}
