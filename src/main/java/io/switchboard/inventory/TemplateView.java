package io.switchboard.inventory;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/** A template as the API returns it; the labels appear as {@code itemtext1_label}..{@code itemtext20_label}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"inventory_template_id", "item"})
public record TemplateView(
        long inventoryTemplateId,
        String item,
        @Nullable String description,
        @Nullable String icon,
        BigDecimal wholesaleCost,
        BigDecimal retailCost,
        @JsonIgnore List<String> labels,
        boolean allowStaffDropdown,
        boolean allowCustomerDropdown,
        boolean enabled,
        @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant created,
        @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant lastModified) {

    @JsonAnyGetter
    public Map<String, String> labelFields() {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < labels.size(); i++) {
            map.put("itemtext" + (i + 1) + "_label", labels.get(i));
        }
        return map;
    }

    /** The label of {@code itemtext<n>} (1-based), or {@code null} when the template does not use it. */
    @Nullable
    public String label(int n) {
        return n >= 1 && n <= labels.size() ? labels.get(n - 1) : null;
    }

    /** Numbers (1-based) of the fields this template labels. */
    @JsonIgnore
    public List<Integer> usedFields() {
        return java.util.stream.IntStream.rangeClosed(1, labels.size()).filter(n -> label(n) != null).boxed().toList();
    }

    public TemplateForm toForm() {
        return new TemplateForm(item, description, icon, wholesaleCost, retailCost, labels, allowStaffDropdown,
                allowCustomerDropdown, enabled);
    }
}
