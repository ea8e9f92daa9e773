package io.switchboard.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * An inventory template as written (A-INV-04, seed-A §2.10). {@code item} is the type name products require
 * (exact, case-sensitive); {@code labels} holds the labels of {@code itemtext1}..{@code itemtext20} (index 0 is
 * field 1; {@code null} = field unused); label 1 and 2 default to "Model Number" and "Serial Number".
 */
public record TemplateForm(
        @Nullable String item,
        @Nullable String description,
        @Nullable String icon,
        @Nullable BigDecimal wholesaleCost,
        @Nullable BigDecimal retailCost,
        List<String> labels,
        boolean allowStaffDropdown,
        boolean allowCustomerDropdown,
        boolean enabled) {

    public static final int FIELDS = 20;

    public TemplateForm {
        var padded = new ArrayList<String>(labels == null ? List.of() : labels);
        while (padded.size() < FIELDS) {
            padded.add(null);
        }
        labels = Collections.unmodifiableList(padded);
    }

    /** A template with a name and labels, the defaults for the rest. */
    public static TemplateForm named(String item, String... labels) {
        return new TemplateForm(item, null, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(labels), true, false, true);
    }

    public TemplateForm withEnabled(boolean value) {
        return new TemplateForm(item, description, icon, wholesaleCost, retailCost, labels, allowStaffDropdown,
                allowCustomerDropdown, value);
    }
}
