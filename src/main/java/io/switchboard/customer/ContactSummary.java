package io.switchboard.customer;

import org.springframework.lang.Nullable;

/** The little identity needs to link a portal user to a contact: whose contact it is, and how to reach them. */
public record ContactSummary(long contactId, long customerId, @Nullable String email, String name,
        @Nullable Long linkedUserId) {}
