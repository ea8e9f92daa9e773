package io.switchboard.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * The editable fields of an inventory item (A-INV-11): its template, serial (unique within the template), the
 * template's fields {@code itemtext1..20} ({@code texts}, index 0 = field 1), location and address, coordinates,
 * management URL, costs (default: the template's) and notes. The state, customer and service change only through
 * {@link InventoryItems#changeState} and the reservations; {@code itemState} is the initial state on create
 * (NEW by default; RESERVED and ASSIGNED are refused there).
 */
public record ItemForm(
        @Nullable Long inventoryTemplateId,
        @Nullable String serial,
        @Nullable InventoryState itemState,
        List<String> texts,
        @Nullable String itemLocation,
        @Nullable String addressLine1,
        @Nullable String addressLine2,
        @Nullable String city,
        @Nullable String state,
        @Nullable String zipCode,
        @Nullable String country,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String managementUrl,
        @Nullable BigDecimal wholesaleCost,
        @Nullable BigDecimal retailCost,
        @Nullable String inventoryNotes) {

    public ItemForm {
        var padded = new ArrayList<String>(texts == null ? List.of() : texts);
        while (padded.size() < TemplateForm.FIELDS) {
            padded.add(null);
        }
        texts = Collections.unmodifiableList(padded);
    }

    /** A form with the required fields only. */
    public static ItemForm of(long templateId, String serial, String... texts) {
        return new ItemForm(templateId, serial, null, List.of(texts), null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public ItemForm withState(@Nullable InventoryState value) {
        return new ItemForm(inventoryTemplateId, serial, value, texts, itemLocation, addressLine1, addressLine2, city,
                state, zipCode, country, latitude, longitude, managementUrl, wholesaleCost, retailCost, inventoryNotes);
    }

    public ItemForm withLocation(@Nullable String location, @Nullable Double lat, @Nullable Double lng) {
        return new ItemForm(inventoryTemplateId, serial, itemState, texts, location, addressLine1, addressLine2, city,
                state, zipCode, country, lat, lng, managementUrl, wholesaleCost, retailCost, inventoryNotes);
    }

    public ItemForm withManagementUrl(@Nullable String url) {
        return new ItemForm(inventoryTemplateId, serial, itemState, texts, itemLocation, addressLine1, addressLine2,
                city, state, zipCode, country, latitude, longitude, url, wholesaleCost, retailCost, inventoryNotes);
    }
}
