package io.switchboard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.identity.ContactRef;
import io.switchboard.identity.CustomerContacts;
import io.switchboard.shared.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ContactLinksTests {

    @Test
    void refusesToLinkWhenNoModuleProvidesContacts() {
        var links = new ContactLinks(new StaticListableBeanFactory().getBeanProvider(CustomerContacts.class));
        assertThatThrownBy(() -> links.require(7))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.isUnprocessable()).isTrue();
                    assertThat(e.errors()).singleElement().satisfies(error ->
                            assertThat(error.field()).isEqualTo("contact_id"));
                });
        assertThat(links.find(7L)).isEmpty();
    }

    @Test
    void linksAnExistingContactAndRefusesAnUnknownOne() {
        var factory = new StaticListableBeanFactory();
        CustomerContacts contacts = id -> id == 7 ? Optional.of(new ContactRef(7, 70, "ana@acme.test", "Ana")) : Optional.empty();
        factory.addBean("contacts", contacts);
        var links = new ContactLinks(factory.getBeanProvider(CustomerContacts.class));
        assertThat(links.require(7).customerId()).isEqualTo(70);
        assertThatThrownBy(() -> links.require(8)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contact_id");
    }
}
