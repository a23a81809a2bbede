package no.varde.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page's path variable or parameter that the one converter refused (a malformed typed id or
 * {@link no.varde.shared.Kommunenummer}): a path that names nothing is not found, a parameter the page cannot use is
 * a bad request, both as a readable page. Ordered ahead of Spring's problem-details handler, which would answer a
 * page with JSON, and behind {@link ApiProblemHandler}, so the API still answers 400 problem details naming the field.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageParameterErrors {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        response.setStatus(inPath ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
        return new ModelAndView("error-page").addObject("messageKey", inPath ? "error.notFound" : "error.badRequest");
    }
}
