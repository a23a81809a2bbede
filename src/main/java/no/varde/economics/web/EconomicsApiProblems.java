package no.varde.economics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.varde.economics.survey.SurveyImportRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected survey import as RFC 9457 problem details listing every bad cell by row and column. */
@RestControllerAdvice(assignableTypes = EconomicsApi.class)
class EconomicsApiProblems {

    @ExceptionHandler(SurveyImportRejectedException.class)
    ProblemDetail rejected(SurveyImportRejectedException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://varde.no/problems/invalid-input"));
        problem.setTitle("Invalid input");
        problem.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> Map.<String, Object>of(
                        "field",
                        p.column(),
                        "row",
                        p.row(),
                        "column",
                        p.column(),
                        "cell",
                        p.cell(),
                        "message",
                        p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
