package no.varde.economics.survey;

import java.util.List;

/** An import with at least one bad cell: nothing was imported, and every problem is listed. */
public class SurveyImportRejectedException extends RuntimeException {

    private final List<CellProblem> problems;

    public SurveyImportRejectedException(List<CellProblem> problems) {
        super("VARDE-ECON-0010: the file has " + problems.size() + " problem(s); nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<CellProblem> problems() {
        return problems;
    }
}
