package no.varde.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers every REST API error as RFC 9457 problem details; bad input names each bad field. */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private static final String TYPE_BASE = "https://varde.no/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        return invalidInput(e.getMessage(), e.problems(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return invalidInput("The request has invalid fields", problems, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalidInput("The request has invalid parameters", problems, request);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e, HttpServletRequest request) {
        ProblemDetail problem = RequestGuardFilter.tooLarge(e.limit());
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof RequestTooLargeException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        String detail = e.getMostSpecificCause().getMessage();
        return invalidInput(
                "The request body is not valid JSON for this operation",
                List.of(new FieldProblem("body", detail == null ? "unreadable" : firstLine(detail))),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalidInput(
                "A parameter has the wrong format",
                List.of(new FieldProblem(e.getName(), "has the wrong format: '" + e.getValue() + "'" + reason(e))),
                request);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, e.problemType(), e.problemTitle(), e.getMessage(), request);
        e.problemProperties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this operation", request);
    }

    private static ProblemDetail invalidInput(String detail, List<FieldProblem> problems, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, request);
        problem.setProperty("errors", problems);
        return problem;
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /** For a typed id or value, the type's own reason (e.g. "kommunenummer must be exactly four digits, …"). */
    private static String reason(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        if (type == null
                || !no.varde.shared.TypedId.class.isAssignableFrom(type)
                || !(cause instanceof IllegalArgumentException)
                || cause.getMessage() == null) {
            return "";
        }
        String reason = firstLine(cause.getMessage());
        return " (" + (reason.length() > 200 ? reason.substring(0, 200) + " …" : reason) + ")";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
