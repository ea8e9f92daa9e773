package io.switchboard.console.customers;

import io.switchboard.customer.AccountType;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.PaymentType;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.lang.Nullable;

/** What the customer form holds: the fields of {@link CustomerForm} as the browser sends them. */
class CustomerInput {

    private String customerName = "";
    private AccountType customerAccountType = AccountType.BUSINESS;
    private CustomerStatus customerStatus = CustomerStatus.OPEN;
    private PaymentType customerPaymentType = PaymentType.POSTPAID;
    private boolean customerEnabled = true;
    private String taxIdentifier = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractStartDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractEndDate;
    private String customerNotes = "";

    static CustomerInput of(CustomerView customer) {
        var input = new CustomerInput();
        input.customerName = customer.customerName();
        input.customerAccountType = customer.customerAccountType();
        input.customerStatus = customer.customerStatus();
        input.customerPaymentType = customer.customerPaymentType();
        input.customerEnabled = customer.customerEnabled();
        input.taxIdentifier = orEmpty(customer.taxIdentifier());
        input.contractStartDate = customer.contractStartDate();
        input.contractEndDate = customer.contractEndDate();
        input.customerNotes = orEmpty(customer.customerNotes());
        return input;
    }

    /** The form for a new customer (status Open, enabled). */
    CustomerForm toNewCustomer() {
        return new CustomerForm(trim(customerName), customerAccountType, null, customerPaymentType, true,
                blankToNull(taxIdentifier), contractStartDate, contractEndDate, blankToNull(customerNotes), null);
    }

    /** The form for a change to {@code current}; what the page does not edit (the coordinator) stays. */
    CustomerForm applyTo(CustomerForm current) {
        return new CustomerForm(trim(customerName), customerAccountType, customerStatus, customerPaymentType,
                customerEnabled, blankToNull(taxIdentifier), contractStartDate, contractEndDate,
                blankToNull(customerNotes), current.assignedUserId());
    }

    static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    @Nullable
    static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String trim(@Nullable String text) {
        return text == null ? "" : text.trim();
    }

    public String getCustomerName() { return customerName; }
    public void setCustomerName(String customerName) { this.customerName = customerName; }
    public AccountType getCustomerAccountType() { return customerAccountType; }
    public void setCustomerAccountType(AccountType customerAccountType) { this.customerAccountType = customerAccountType; }
    public CustomerStatus getCustomerStatus() { return customerStatus; }
    public void setCustomerStatus(CustomerStatus customerStatus) { this.customerStatus = customerStatus; }
    public PaymentType getCustomerPaymentType() { return customerPaymentType; }
    public void setCustomerPaymentType(PaymentType customerPaymentType) { this.customerPaymentType = customerPaymentType; }
    public boolean isCustomerEnabled() { return customerEnabled; }
    public void setCustomerEnabled(boolean customerEnabled) { this.customerEnabled = customerEnabled; }
    public String getTaxIdentifier() { return taxIdentifier; }
    public void setTaxIdentifier(String taxIdentifier) { this.taxIdentifier = taxIdentifier; }
    public LocalDate getContractStartDate() { return contractStartDate; }
    public void setContractStartDate(LocalDate contractStartDate) { this.contractStartDate = contractStartDate; }
    public LocalDate getContractEndDate() { return contractEndDate; }
    public void setContractEndDate(LocalDate contractEndDate) { this.contractEndDate = contractEndDate; }
    public String getCustomerNotes() { return customerNotes; }
    public void setCustomerNotes(String customerNotes) { this.customerNotes = customerNotes; }
}
