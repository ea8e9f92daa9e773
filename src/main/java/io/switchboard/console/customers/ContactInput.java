package io.switchboard.console.customers;

import static io.switchboard.console.customers.CustomerInput.blankToNull;
import static io.switchboard.console.customers.CustomerInput.orEmpty;
import static io.switchboard.console.customers.CustomerInput.trim;

import io.switchboard.customer.ContactForm;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import java.util.ArrayList;
import java.util.List;

/** What the contact form holds. */
class ContactInput {

    private String contactFirstname = "";
    private String contactLastname = "";
    private String contactEmail = "";
    private String contactPhone = "";
    private List<ContactType> contactTypes = new ArrayList<>();

    static ContactInput of(ContactView contact) {
        var input = new ContactInput();
        input.contactFirstname = contact.contactFirstname();
        input.contactLastname = orEmpty(contact.contactLastname());
        input.contactEmail = orEmpty(contact.contactEmail());
        input.contactPhone = orEmpty(contact.contactPhone());
        input.contactTypes = new ArrayList<>(contact.contactTypes());
        return input;
    }

    ContactForm toForm(long customerId) {
        return new ContactForm(customerId, trim(contactFirstname), blankToNull(contactLastname),
                blankToNull(contactEmail), blankToNull(contactPhone), List.copyOf(contactTypes));
    }

    public String getContactFirstname() { return contactFirstname; }
    public void setContactFirstname(String contactFirstname) { this.contactFirstname = contactFirstname; }
    public String getContactLastname() { return contactLastname; }
    public void setContactLastname(String contactLastname) { this.contactLastname = contactLastname; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public List<ContactType> getContactTypes() { return contactTypes; }
    public void setContactTypes(List<ContactType> contactTypes) {
        this.contactTypes = contactTypes == null ? new ArrayList<>() : contactTypes;
    }
}
