package no.varde.registry.imports;

import java.util.List;

/** An import with at least one bad row: nothing was imported; every problem is listed. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super("VARDE-IMPORT-0001: the file has " + problems.size() + " problem(s); nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
