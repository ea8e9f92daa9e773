package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A customer as the API returns it, with its contacts embedded (A-CUS-09; empty when the reader may not see
 * contacts). Timestamps are UTC in the guide's {@code yyyy-MM-dd HH:mm:ss} form.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerView(
        long customerId,
        String customerName,
        AccountType customerAccountType,
        CustomerStatus customerStatus,
        PaymentType customerPaymentType,
        boolean customerEnabled,
        @Nullable String taxIdentifier,
        @Nullable LocalDate contractStartDate,
        @Nullable LocalDate contractEndDate,
        @Nullable String customerNotes,
        @Nullable Long assignedUserId,
        @Nullable @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant archivedAt,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified,
        List<ContactView> contacts) {

    /** This customer's editable fields, as the form an edit starts from. */
    public CustomerForm toForm() {
        return new CustomerForm(customerName, customerAccountType, customerStatus, customerPaymentType,
                customerEnabled, taxIdentifier, contractStartDate, contractEndDate, customerNotes, assignedUserId);
    }

    public boolean archived() {
        return customerStatus == CustomerStatus.ARCHIVED;
    }
}
