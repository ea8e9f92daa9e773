package io.switchboard.customer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.lang.Nullable;

/**
 * What a customer is made of: the body of {@code PUT /crm/customer/} and the console's customer form.
 * On create, a {@code null} status means {@code Open}, payment type {@code postpaid}, enabled {@code true}.
 * Constraints match the columns; {@link Customers} checks them and the cross-field rules
 * (contract end not before start, status not {@code Archived}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerForm(
        @NotBlank @Size(max = 200) String customerName,
        @NotNull AccountType customerAccountType,
        @Nullable CustomerStatus customerStatus,
        @Nullable PaymentType customerPaymentType,
        @Nullable Boolean customerEnabled,
        @Nullable @Size(max = 50) String taxIdentifier,
        @Nullable LocalDate contractStartDate,
        @Nullable LocalDate contractEndDate,
        @Nullable @Size(max = 4000) String customerNotes,
        @Nullable @Positive Long assignedUserId) {

    /** A form with the required fields only. */
    public static CustomerForm of(String name, AccountType type) {
        return new CustomerForm(name, type, null, null, null, null, null, null, null, null);
    }

    public CustomerForm withStatus(@Nullable CustomerStatus status) {
        return new CustomerForm(customerName, customerAccountType, status, customerPaymentType, customerEnabled,
                taxIdentifier, contractStartDate, contractEndDate, customerNotes, assignedUserId);
    }

    public CustomerForm withAssignedUserId(@Nullable Long userId) {
        return new CustomerForm(customerName, customerAccountType, customerStatus, customerPaymentType,
                customerEnabled, taxIdentifier, contractStartDate, contractEndDate, customerNotes, userId);
    }

    public CustomerForm withContract(@Nullable LocalDate start, @Nullable LocalDate end) {
        return new CustomerForm(customerName, customerAccountType, customerStatus, customerPaymentType,
                customerEnabled, taxIdentifier, start, end, customerNotes, assignedUserId);
    }
}
