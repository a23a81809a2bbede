package no.varde.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Errors on web pages get a readable page in the user's language; the API answers with problem details. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error-page").addObject("messageKey", "error.notFound");
    }

    /** A page asked with a parameter it cannot use (a filter that is not an id, say): say so, not 500. */
    @ExceptionHandler({InvalidInputException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badRequest() {
        return new ModelAndView("error-page").addObject("messageKey", "error.badRequest");
    }

    @ExceptionHandler(RequestTooLargeException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ModelAndView tooLarge() {
        return new ModelAndView("error-page").addObject("messageKey", "error.tooLarge");
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden() {
        return new ModelAndView("error-page").addObject("messageKey", "error.forbidden");
    }
}
