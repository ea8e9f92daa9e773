package io.switchboard.customer;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;

/**
 * Sites of customers (A-SITE): addresses with coordinates and a server-computed plus code. Reads need
 * {@code view_customer_site} (or {@code view_own_customer_site} for a customer user); writes need
 * {@code create_/update_/delete_customer_site}, are staff-only and refused on archived customers.
 */
public interface Sites {

    Optional<SiteView> find(long siteId);

    /** The customer's sites, oldest first (the guide's playbooks read the first one). */
    List<SiteView> forCustomer(long customerId);

    Page<SiteView> search(SiteSearch filter, PageQuery page);

    /**
     * Applies the site rules of A-SITE-06 without saving: coordinates present and in range, a known country
     * (the default when absent), a client plus code that agrees with the coordinates. Returns the form as it
     * would be stored (country code, computed plus code).
     *
     * @throws io.switchboard.shared.InvalidInputException naming each offending field
     */
    SiteForm check(SiteForm form);

    SiteView create(SiteForm form);

    /** Changes a site; the plus code is recomputed from the (new) coordinates. */
    SiteView update(long siteId, UnaryOperator<SiteForm> change);

    void delete(long siteId);
}
