package io.switchboard.customer;

import java.util.List;

/**
 * A port other modules implement (as Spring beans) to veto archiving a customer: services says "2 active
 * services", billing "1 unpaid invoice" and "3 uninvoiced transactions" (A-CUS-06). {@link Customers#archive}
 * asks every registered check inside the archiving transaction, with the customer row locked.
 */
@FunctionalInterface
public interface CustomerArchiveCheck {

    /**
     * Reasons the customer cannot be archived now, in words a staff user understands; empty when nothing blocks.
     *
     * @param customerId an existing customer
     */
    List<String> blockers(long customerId);
}
