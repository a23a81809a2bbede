package no.varde.economics.survey;

/**
 * One bad cell of an import.
 *
 * @param row the row in the file, the header being row 1
 * @param column the column's header name
 * @param cell the spreadsheet reference of the cell, e.g. {@code D5}
 * @param key message key for the user's language; {@code value} is its argument
 * @param message the problem in English, for the API
 */
public record CellProblem(int row, String column, String cell, String key, String value, String message) {}
