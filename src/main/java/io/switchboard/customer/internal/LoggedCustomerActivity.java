package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.VIEW_ACTIVITY;
import static io.switchboard.customer.internal.Permissions.VIEW_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_ACTIVITY;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_TAG;
import static io.switchboard.customer.internal.Permissions.VIEW_TAG;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.activity.ActivityLog;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity log read through the customer scope: the log itself knows nothing of who may see which customer. */
@Service
@Transactional(readOnly = true)
class LoggedCustomerActivity implements CustomerActivity {

    /** The identity module's entity type of API keys: staff-only, even when a key belongs to a customer. */
    static final String API_KEY = "api_key";

    private final ActivityLog log;
    private final CustomerAccess access;
    private final CustomerRows customers;

    LoggedCustomerActivity(ActivityLog log, CustomerAccess access, CustomerRows customers) {
        this.log = log;
        this.access = access;
        this.customers = customers;
    }

    @Override
    public Page<ActivityEntry> forCustomer(long customerId, @Nullable String entityType, PageQuery page) {
        customers.requireVisible(customerId, access.read(VIEW_ACTIVITY, VIEW_OWN_ACTIVITY));
        return log.forCustomer(customerId, entityType, page);
    }

    @Override
    public Page<ActivityEntry> mine(PageQuery page) {
        var actor = access.actor();
        if (!actor.isCustomerScoped()) {
            throw new AccessDeniedException("Only customer users have an own activity log");
        }
        long customerId = actor.customerId();
        customers.requireVisible(customerId, access.read(VIEW_ACTIVITY, VIEW_OWN_ACTIVITY));
        var hidden = new ArrayList<String>(List.of(API_KEY));
        if (!access.mayRead(VIEW_TAG, VIEW_OWN_TAG)) {
            hidden.add(CustomerActivity.TAG);
        }
        if (!access.mayRead(VIEW_ATTRIBUTE, VIEW_OWN_ATTRIBUTE)) {
            hidden.add(CustomerActivity.ATTRIBUTE);
        }
        return log.forCustomerExcept(customerId, hidden, page);
    }
}
