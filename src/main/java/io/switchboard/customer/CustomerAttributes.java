package io.switchboard.customer;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Key/value attributes of customers (A-ATTR). Reads need {@code view_customer_attribute} (or
 * {@code view_own_customer_attribute} for a customer user); writes {@code create_/update_/delete_customer_attribute},
 * staff-only, refused on archived customers.
 */
public interface CustomerAttributes {

    Optional<AttributeView> find(long attributeId);

    /** One attribute of a customer by name, e.g. {@code billing_cycle}. */
    Optional<AttributeView> find(long customerId, String attributeName);

    /** The customer's attributes by name. */
    List<AttributeView> forCustomer(long customerId);

    /**
     * Creates the attribute, or updates the value of the customer's attribute with that name (the guide's
     * create-or-update {@code PUT}). Needs {@code create_customer_attribute}.
     */
    AttributeView put(AttributeForm form);

    /**
     * Changes an attribute's name or value. A new name that the customer already uses is a conflict; the
     * attribute cannot move to another customer.
     */
    AttributeView update(long attributeId, UnaryOperator<AttributeForm> change);

    void delete(long attributeId);
}
