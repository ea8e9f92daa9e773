package io.switchboard.customer;

import org.springframework.lang.Nullable;

/**
 * Filters of the contact list besides paging and {@code search} (first name, last name, email or phone, the
 * phone also by its digits). Contacts of archived customers are left out unless {@code includeArchived}.
 */
public record ContactSearch(@Nullable Long customerId, @Nullable ContactType contactType, boolean includeArchived) {

    public static ContactSearch all() {
        return new ContactSearch(null, null, false);
    }
}
