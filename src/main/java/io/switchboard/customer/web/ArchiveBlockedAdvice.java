package io.switchboard.customer.web;

import io.switchboard.customer.CustomerArchiveBlockedException;
import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused archive as a 409 problem that lists every blocker, so the caller knows what to settle first. */
@RestControllerAdvice(assignableTypes = CustomerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArchiveBlockedAdvice {

    @ExceptionHandler(CustomerArchiveBlockedException.class)
    ProblemDetail archiveBlocked(CustomerArchiveBlockedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://switchboard.local/problems/archive-blocked"));
        problem.setTitle("Customer cannot be archived");
        problem.setProperty("blockers", e.blockers());
        problem.setProperty("errors", e.blockers().stream()
                .map(reason -> Map.of("field", "customer_id", "reason", reason)).toList());
        return problem;
    }
}
