package io.switchboard.customer;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Tags on customers (A-TAG). Reads need {@code view_customer_tag} (or {@code view_own_customer_tag} for a
 * customer user); writes {@code create_/update_/delete_customer_tag}, staff-only (third-party systems write
 * through an API key), refused on archived customers.
 */
public interface CustomerTags {

    Optional<TagView> find(long tagId);

    /** The customer's tags by active date; with {@code activeOnly}, only those whose window contains now. */
    List<TagView> forCustomer(long customerId, boolean activeOnly);

    TagView create(TagForm form);

    TagView update(long tagId, UnaryOperator<TagForm> change);

    void delete(long tagId);
}
