package io.switchboard.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * Reads the flat guide-shaped bodies ({@code itemtext1}..{@code itemtext20}, {@code itemtext1_label}..) into forms,
 * as JSON merge patches over the current values: a present field replaces, an explicit null clears, an absent
 * field stays. Unknown fields and wrong types are 400s naming the field.
 */
final class Json {

    private static final Pattern TEXT = Pattern.compile("itemtext(\\d{1,2})");
    private static final Pattern LABEL = Pattern.compile("itemtext(\\d{1,2})_label");
    static final Set<String> ITEM_READ_ONLY = Set.of("inventory_id", "item", "created", "last_modified", "sold_date",
            "reserved_by_run", "reservation_expires", "fields");
    static final Set<String> ITEM_STATE_FIELDS = Set.of("item_state", "customer_id", "service_id", "reason");

    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private Json(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        this.node = object;
    }

    static Json of(JsonNode node) {
        return new Json(node);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The form with the body's item fields applied; state fields and read-only fields are left to the caller. */
    ItemForm item(ItemForm current) {
        var texts = new ArrayList<>(current.texts());
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Matcher m = TEXT.matcher(name);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1 || n > TemplateForm.FIELDS) {
                    errors.add(new FieldError(name, "items have itemtext1 to itemtext" + TemplateForm.FIELDS));
                } else {
                    texts.set(n - 1, text(name, null));
                }
            } else if (!ITEM_FIELDS.contains(name) && !ITEM_READ_ONLY.contains(name) && !ITEM_STATE_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of an inventory item"));
            }
        }
        var form = new ItemForm(
                number("inventory_template_id", current.inventoryTemplateId()),
                text("serial", current.serial()),
                current.itemState(),
                texts,
                text("item_location", current.itemLocation()),
                text("address_line_1", current.addressLine1()),
                text("address_line_2", current.addressLine2()),
                text("city", current.city()),
                text("state", current.state()),
                text("zip_code", current.zipCode()),
                text("country", current.country()),
                decimal("latitude", current.latitude()),
                decimal("longitude", current.longitude()),
                text("management_url", current.managementUrl()),
                money("wholesale_cost", current.wholesaleCost()),
                money("retail_cost", current.retailCost()),
                text("inventory_notes", current.inventoryNotes()));
        throwIfAny();
        return form;
    }

    private static final Set<String> ITEM_FIELDS = Set.of("inventory_template_id", "serial", "item_location",
            "address_line_1", "address_line_2", "city", "state", "zip_code", "country", "latitude", "longitude",
            "management_url", "wholesale_cost", "retail_cost", "inventory_notes", "plus_code", "google_maps_place_id");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("item", "description", "icon", "wholesale_cost",
            "retail_cost", "allow_staff_dropdown", "allow_customer_dropdown", "enabled", "inventory_template_id",
            "created", "last_modified");

    TemplateForm template(TemplateForm current) {
        var labels = new ArrayList<>(current.labels());
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Matcher m = LABEL.matcher(name);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1 || n > TemplateForm.FIELDS) {
                    errors.add(new FieldError(name, "templates have at most " + TemplateForm.FIELDS + " fields"));
                } else {
                    labels.set(n - 1, text(name, null));
                }
            } else if (!TEMPLATE_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of an inventory template"));
            }
        }
        var form = new TemplateForm(text("item", current.item()), text("description", current.description()),
                text("icon", current.icon()), money("wholesale_cost", current.wholesaleCost()),
                money("retail_cost", current.retailCost()), labels,
                bool("allow_staff_dropdown", current.allowStaffDropdown()),
                bool("allow_customer_dropdown", current.allowCustomerDropdown()), bool("enabled", current.enabled()));
        throwIfAny();
        return form;
    }

    @Nullable
    InventoryState state() {
        String value = text("item_state", null);
        throwIfAny();
        return value == null ? null : InventoryState.parse("item_state", value);
    }

    @Nullable
    Long longValue(String field) {
        Long value = number(field, null);
        throwIfAny();
        return value;
    }

    @Nullable
    String string(String field) {
        String value = text(field, null);
        throwIfAny();
        return value;
    }

    @Nullable
    private String text(String field, @Nullable String current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        errors.add(new FieldError(field, "must be text"));
        return current;
    }

    @Nullable
    private Long number(String field, @Nullable Long current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return null;
        }
        if (value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText().trim());
        }
        errors.add(new FieldError(field, "must be a whole number"));
        return current;
    }

    @Nullable
    private Double decimal(String field, @Nullable Double current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try { // the guide's examples send coordinates as strings
            if (value.isTextual()) {
                return Double.parseDouble(value.asText().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a number"));
        return current;
    }

    @Nullable
    private BigDecimal money(String field, @Nullable BigDecimal current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.asText().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an amount"));
        return current;
    }

    private boolean bool(String field, boolean current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        errors.add(new FieldError(field, "must be true or false"));
        return current;
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
