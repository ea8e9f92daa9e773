package io.switchboard.catalog;

import org.springframework.lang.Nullable;

/**
 * A customer's service as the decisions see it: its type, the product it came from and its status (DESIGN.md
 * decision 2: PROVISIONING, ACTIVE, SUSPENDED, EXPIRED, CANCELLED, FAILED).
 */
public record ExistingService(long serviceId, long customerId, @Nullable Long productId,
        @Nullable String productSlug, String serviceType, String status) {

    /** Services that count as "the customer has it": not cancelled and not failed. */
    public boolean live() {
        return !"CANCELLED".equalsIgnoreCase(status) && !"FAILED".equalsIgnoreCase(status);
    }
}
