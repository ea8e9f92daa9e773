package io.switchboard.console.web;

import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The module APIs' exceptions as the friendly error page (templates/error.html) for console and portal pages,
 * with the status a JSON client would get: a record that is absent or not the reader's to see is a 404, a clash
 * with its state a 409, bad input that no form shows a 400. Forms catch their own field errors before this.
 */
@ControllerAdvice(basePackages = {"io.switchboard.console", "io.switchboard.portal"})
class PageErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return page(e.isUnprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST, request);
    }

    private static ModelAndView page(HttpStatus status, HttpServletRequest request) {
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("path", request.getRequestURI());
        page.addObject("timestamp", new Date());
        return page;
    }
}
