package no.varde.benefits.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import no.varde.benefits.measures.Measure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A stage change the rules refuse: 409 problem details naming the rule (error code). */
@RestControllerAdvice(assignableTypes = MeasuresApi.class)
class MeasuresProblems {

    @ExceptionHandler(Measure.StageRefused.class)
    ProblemDetail refused(Measure.StageRefused e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://varde.no/problems/stage-refused"));
        problem.setTitle("Stage refused");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.code());
        return problem;
    }
}
