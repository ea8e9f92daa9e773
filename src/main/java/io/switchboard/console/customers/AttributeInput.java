package io.switchboard.console.customers;

import static io.switchboard.console.customers.CustomerInput.trim;

import io.switchboard.customer.AttributeForm;
import io.switchboard.customer.AttributeView;

/** What the attribute form holds: a name and a value (A-ATTR-05). */
class AttributeInput {

    private String attributeName = "";
    private String attributeValue = "";

    static AttributeInput of(AttributeView attribute) {
        var input = new AttributeInput();
        input.attributeName = attribute.attributeName();
        input.attributeValue = attribute.attributeValue();
        return input;
    }

    AttributeForm toForm(long customerId) {
        return new AttributeForm(customerId, trim(attributeName), attributeValue == null ? "" : attributeValue);
    }

    public String getAttributeName() { return attributeName; }
    public void setAttributeName(String attributeName) { this.attributeName = attributeName; }
    public String getAttributeValue() { return attributeValue; }
    public void setAttributeValue(String attributeValue) { this.attributeValue = attributeValue; }
}
