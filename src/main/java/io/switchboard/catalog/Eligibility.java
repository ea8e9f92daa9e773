package io.switchboard.catalog;

import java.util.List;

/**
 * Who may buy what, decided by the analysts' DMN tables ({@code decisions/product-eligibility.dmn},
 * {@code decisions/addon-compatibility.dmn}), always the latest deployed version. Sales and provisioning call
 * {@link #check} / {@link #checkAddon} server-side before they act (not only the lists).
 * <p>
 * The customer is read through the customer module as the current actor: a customer the actor may not see is
 * reported as not found (404). Customer users may only ask about their own customer, in the self-care channel.
 */
public interface Eligibility {

    /**
     * May {@code customerId} buy {@code productId} through {@code channel}?
     *
     * @throws io.switchboard.shared.NotFoundException when the customer or product does not exist or is not visible
     */
    EligibilityDecision check(long customerId, long productId, SalesChannel channel);

    /**
     * May add-on {@code productId} be added to service {@code serviceId}? Both the customer's eligibility and the
     * add-on compatibility with the service must allow it; the reason is the first refusal.
     *
     * @throws io.switchboard.shared.NotFoundException when the service (or product) is unknown
     */
    EligibilityDecision checkAddon(long serviceId, long productId, SalesChannel channel);

    /** Every active product with the decision for this customer (eligible ones first, then by name). */
    List<ProductOffer> available(long customerId, SalesChannel channel);

    /** Every active add-on and top-up with the decision for this service. */
    List<ProductOffer> availableAddons(long serviceId, SalesChannel channel);
}
