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
}
