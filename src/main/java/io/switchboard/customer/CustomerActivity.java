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
}
