package io.switchboard.customer;

import org.springframework.lang.Nullable;

/**
 * Filters of the customer list besides paging and the free-text {@code search} (name substring or exact id).
 * Archived customers are left out unless {@code includeArchived} or the status filter asks for them.
 */
public record CustomerSearch(@Nullable CustomerStatus status, @Nullable AccountType accountType,
        @Nullable PaymentType paymentType, @Nullable Long assignedUserId, boolean includeArchived) {

    public static CustomerSearch all() {
        return new CustomerSearch(null, null, null, null, false);
    }
}
