package io.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The guide's labels in, canonical labels out; "Suspension" is the guide's other spelling of Suspended. */
class LabelsTests {

    @Test
    void normalisesTheGuidesSuspensionSpelling() {
        assertThat(CustomerStatus.fromLabel("Suspension")).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(CustomerStatus.fromLabel(" suspension ")).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(CustomerStatus.fromLabel("SUSPENDED").label()).isEqualTo("Suspended");
    }

    @Test
    void readsLabelsCaseInsensitively() {
        assertThat(CustomerStatus.fromLabel("open")).isEqualTo(CustomerStatus.OPEN);
        assertThat(PaymentType.fromLabel("Prepaid")).isEqualTo(PaymentType.PREPAID);
        assertThat(AccountType.fromLabel("business")).isEqualTo(AccountType.BUSINESS);
        assertThat(ContactType.fromLabel("TECHNICAL")).isEqualTo(ContactType.TECHNICAL);
    }

    @Test
    void anUnknownLabelNamesTheAllowedValues() {
        assertThatThrownBy(() -> CustomerStatus.fromLabel("Active"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of Open, Suspended, Closed, Archived");
        assertThatThrownBy(() -> PaymentType.parse("customer_payment_type", "credit"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("customer_payment_type");
                        assertThat(error.reason()).isEqualTo("must be one of prepaid, postpaid");
                    });
                });
    }
}
