package io.switchboard.customer.internal;

import io.switchboard.shared.ConflictException;
import io.switchboard.shared.NotFoundException;
import java.util.HashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks on the customer row that every write to a customer's records makes first. */
@Component
class CustomerRows {

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Share-locks the customer for a write to one of its records, so it cannot be archived meanwhile.
     *
     * @throws NotFoundException when the customer is not in {@code scope}
     * @throws ConflictException when it is archived
     */
    void lockForChildWrite(long customerId, Scope scope) {
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        String status = jdbc.sql("SELECT c.customer_status FROM customer c WHERE c.customer_id = :id"
                        + scope.condition("c", params) + " FOR SHARE")
                .params(params).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        if ("Archived".equals(status)) {
            throw new ConflictException("customer_id", "customer " + customerId + " is archived; restore it first");
        }
    }

    /** @throws NotFoundException when the customer does not exist or is outside {@code scope} */
    void requireVisible(long customerId, Scope scope) {
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        boolean visible = jdbc.sql("SELECT count(*) FROM customer c WHERE c.customer_id = :id" + scope.condition("c", params))
                .params(params).query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("customer", customerId);
        }
    }
}
