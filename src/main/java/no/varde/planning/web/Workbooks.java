package no.varde.planning.web;

import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the planning workbooks share: assumptions as named cells that their formulas refer to. */
final class Workbooks {

    private Workbooks() {}

    /** Writes a labelled assumption in column B of {@code row} and names its cell; returns the next row. */
    static int named(XSSFWorkbook book, Sheet sheet, int row, String name, String label, double value) {
        Row x = sheet.createRow(row);
        x.createCell(0).setCellValue(label);
        x.createCell(1).setCellValue(value);
        Name defined = book.createName();
        defined.setNameName(name);
        defined.setRefersToFormula("'" + sheet.getSheetName() + "'!$B$" + (row + 1));
        return row + 1;
    }
}
