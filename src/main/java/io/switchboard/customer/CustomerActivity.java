package io.switchboard.customer;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.shared.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;

/**
 * A customer's activity log, newest first (B-ACT), for readers with {@code view_customer_activity} or, for a
 * customer user, {@code view_own_customer_activity}; the customer-level scope applies. Read-only by design.
 */
public interface CustomerActivity {

    /** Entity types this module records: {@code customer}, {@code customer_contact}, {@code customer_site}, ... */
    String CUSTOMER = "customer";
    String CONTACT = "customer_contact";
    String SITE = "customer_site";
    String TAG = "customer_tag";
    String ATTRIBUTE = "customer_attribute";

    /**
     * @param entityType only entries about this kind of record (the console's tabs), or {@code null} for all
     * @throws io.switchboard.shared.NotFoundException when the customer is not visible
     */
    Page<ActivityEntry> forCustomer(long customerId, @Nullable String entityType, PageQuery page);

    /**
     * The signed-in customer user's own customer's activity, newest first: the self-care portal's view. The
     * customer is the actor's (never a parameter), and entries about records the actor may not read are left out in
     * the query: tags and attributes without their (own) view permission, and API keys, which customer users never
     * see.
     *
     * @throws org.springframework.security.access.AccessDeniedException for staff actors, and without
     *                                                                    {@code view_own_customer_activity}
     *                                                                    (or {@code view_customer_activity})
     */
    Page<ActivityEntry> mine(PageQuery page);
}
