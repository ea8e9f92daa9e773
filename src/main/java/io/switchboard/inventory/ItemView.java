package io.switchboard.inventory;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * An item as the API returns it (A-INV-26 shape): {@code item} is its template's name, the template fields appear
 * as {@code itemtext1}..{@code itemtext20}, and {@code fields} maps the template's labels to their values
 * (A-INV-27: playbooks may read "ICCID" rather than "itemtext1").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"inventory_id", "item", "inventory_template_id", "serial", "item_state"})
public record ItemView(
        long inventoryId,
        long inventoryTemplateId,
        String item,
        String serial,
        InventoryState itemState,
        @JsonIgnore List<String> texts,
        @JsonIgnore List<String> labels,
        @Nullable String itemLocation,
        @Nullable @JsonProperty("address_line_1") String addressLine1,
        @Nullable @JsonProperty("address_line_2") String addressLine2,
        @Nullable String city,
        @Nullable String state,
        @Nullable String zipCode,
        @Nullable String country,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String managementUrl,
        @Nullable BigDecimal wholesaleCost,
        @Nullable BigDecimal retailCost,
        @Nullable String inventoryNotes,
        @Nullable Long customerId,
        @Nullable Long serviceId,
        @Nullable @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant soldDate,
        @Nullable String reservedByRun,
        @Nullable @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant reservationExpires,
        @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant created,
        @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant lastModified) {

    @JsonAnyGetter
    public Map<String, String> textFields() {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < texts.size(); i++) {
            map.put("itemtext" + (i + 1), texts.get(i));
        }
        return map;
    }

    /** Label → value for the template's labelled fields, in field order. */
    @JsonProperty("fields")
    public Map<String, String> fields() {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null) {
                map.put(labels.get(i), texts.get(i));
            }
        }
        return map;
    }

    @JsonIgnore
    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    public ItemForm toForm() {
        return new ItemForm(inventoryTemplateId, serial, itemState, texts, itemLocation, addressLine1, addressLine2,
                city, state, zipCode, country, latitude, longitude, managementUrl, wholesaleCost, retailCost,
                inventoryNotes);
    }
}
