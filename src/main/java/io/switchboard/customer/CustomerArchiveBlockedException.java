package io.switchboard.customer;

import io.switchboard.shared.ConflictException;
import java.util.List;

/** Archiving refused because a {@link CustomerArchiveCheck} objects (A-CUS-06); HTTP 409 listing the blockers. */
public class CustomerArchiveBlockedException extends ConflictException {

    private final long customerId;
    private final List<String> blockers;

    public CustomerArchiveBlockedException(long customerId, List<String> blockers) {
        super("customer_id", "Customer " + customerId + " cannot be archived: " + String.join("; ", blockers));
        this.customerId = customerId;
        this.blockers = List.copyOf(blockers);
    }

    public long customerId() {
        return customerId;
    }

    public List<String> blockers() {
        return blockers;
    }
}
