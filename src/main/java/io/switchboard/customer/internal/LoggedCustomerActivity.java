package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.VIEW_ACTIVITY;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_ACTIVITY;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.activity.ActivityLog;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.shared.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity log read through the customer scope: the log itself knows nothing of who may see which customer. */
@Service
@Transactional(readOnly = true)
class LoggedCustomerActivity implements CustomerActivity {

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
}
