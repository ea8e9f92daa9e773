package io.switchboard.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.catalog.AutoRenew;
import io.switchboard.catalog.ProductForm;
import io.switchboard.inventory.InventoryTypes;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The product rules (I-08) applied before any write: every problem is reported at once, each naming its field.
 * Defaults are filled first ({@link #complete}), so the stored product never has a missing value.
 */
@Component
class ProductValidation {

    static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    /** A playbook basename: no folders, no "..", no extension (C-PROV-01). */
    static final Pattern PLAYBOOK = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,99}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    private final JdbcClient jdbc;
    private final InventoryTypes inventoryTypes;
    private final CatalogSettings settings;
    private final ObjectMapper json;

    ProductValidation(JdbcClient jdbc, InventoryTypes inventoryTypes, CatalogSettings settings, ObjectMapper json) {
        this.jdbc = jdbc;
        this.inventoryTypes = inventoryTypes;
        this.settings = settings;
        this.json = json;
    }

    /** {@code form} with defaults for what is absent and text trimmed (blank optional text becomes null). */
    ProductForm complete(ProductForm f) {
        String vars = clean(f.provisioningJsonVars());
        return new ProductForm(trim(f.productName()), trim(f.productSlug()), f.category(), trim(f.serviceType()),
                Objects.requireNonNullElse(f.enabled(), true), clean(f.icon()), clean(f.comment()),
                money(f.retailCost()), money(f.wholesaleCost()), money(f.retailSetupCost()),
                money(f.wholesaleSetupCost()), money(f.taxPercentage()),
                Objects.requireNonNullElse(f.contractDays(), 0), Objects.requireNonNullElse(f.residential(), true),
                Objects.requireNonNullElse(f.business(), true), Objects.requireNonNullElse(f.customerCanPurchase(), false),
                f.availableFrom(), f.availableUntil(), Objects.requireNonNullElse(f.autoRenew(), AutoRenew.FALSE),
                Objects.requireNonNullElse(f.allowAutoRenew(), false), list(f.inventoryItemsList()),
                list(f.reliesOnList()), list(f.featuresList()), clean(f.terms()), clean(f.provisioningPlay()), vars);
    }

    /**
     * Checks a completed form.
     *
     * @param productId the product being changed, {@code null} for a new one (for the slug's uniqueness)
     * @throws InvalidInputException listing every offending field
     * @throws ConflictException naming {@code product_slug} when another product has it
     */
    void validate(ProductForm f, @Nullable Long productId) {
        var errors = new ArrayList<FieldError>();
        text(errors, "product_name", f.productName(), 200, true);
        if (f.productSlug() == null || f.productSlug().isEmpty()) {
            errors.add(new FieldError("product_slug", "is required"));
        } else if (!SLUG.matcher(f.productSlug()).matches()) {
            errors.add(new FieldError("product_slug",
                    "must be letters, digits, hyphens or underscores, no spaces, at most 100 (e.g. mobile-sim-only)"));
        }
        if (f.category() == null) {
            errors.add(new FieldError("category", "is required"));
        }
        if (f.serviceType() == null || f.serviceType().isEmpty()) {
            errors.add(new FieldError("service_type", "is required"));
        } else if (!settings.serviceTypes().contains(f.serviceType())) {
            errors.add(new FieldError("service_type", "must be one of " + String.join(", ", settings.serviceTypes())));
        }
        text(errors, "icon", f.icon(), 100, false);
        text(errors, "comment", f.comment(), 4000, false);
        text(errors, "terms", f.terms(), 20000, false);
        cost(errors, "retail_cost", f.retailCost());
        cost(errors, "wholesale_cost", f.wholesaleCost());
        cost(errors, "retail_setup_cost", f.retailSetupCost());
        cost(errors, "wholesale_setup_cost", f.wholesaleSetupCost());
        BigDecimal tax = f.taxPercentage();
        if (tax.signum() < 0 || tax.compareTo(BigDecimal.valueOf(100)) > 0 || tax.stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError("tax_percentage", "must be a percentage from 0 to 100 with at most 3 decimals"));
        }
        if (f.contractDays() < 0 || f.contractDays() > 3650) {
            errors.add(new FieldError("contract_days", "must be from 0 to 3650"));
        }
        if (f.availableFrom() != null && f.availableUntil() != null && f.availableFrom().isAfter(f.availableUntil())) {
            errors.add(new FieldError("available_until", "must not be before available_from"));
        }
        inventory(errors, f.inventoryItemsList());
        reliesOn(errors, f.reliesOnList(), productId);
        for (String feature : f.featuresList()) {
            if (feature.length() > 200) {
                errors.add(new FieldError("features_list", "each feature must be at most 200 characters"));
                break;
            }
        }
        if (f.provisioningPlay() != null && !PLAYBOOK.matcher(f.provisioningPlay()).matches()) {
            errors.add(new FieldError("provisioning_play", "must be a playbook name without folders or the .yaml "
                    + "extension: letters, digits, hyphens and underscores (e.g. play_local_mobile_sim)"));
        }
        if (f.provisioningJsonVars() != null) {
            try {
                JsonNode vars = json.readTree(f.provisioningJsonVars());
                if (vars == null || !vars.isObject()) {
                    errors.add(new FieldError("provisioning_json_vars", "must be a JSON object such as {\"days\": 30}"));
                }
            } catch (JsonProcessingException e) {
                errors.add(new FieldError("provisioning_json_vars", "is not valid JSON: " + e.getOriginalMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM product WHERE lower(product_slug) = lower(:slug)"
                        + " AND product_id <> :id")
                .param("slug", f.productSlug()).param("id", productId == null ? -1L : productId)
                .query(Long.class).single() > 0;
        if (taken) {
            throw new ConflictException("product_slug", "another product already has the slug " + f.productSlug());
        }
    }

    private void inventory(List<FieldError> errors, List<String> types) {
        var seen = new HashSet<String>();
        for (String type : types) {
            if (!seen.add(type)) {
                errors.add(new FieldError("inventory_items_list", "lists '" + type + "' twice; use distinct "
                        + "templates (e.g. 'Primary SIM Card', 'Secondary SIM Card')"));
                return;
            }
            if (!inventoryTypes.exists(type)) {
                var known = inventoryTypes.names();
                errors.add(new FieldError("inventory_items_list", "'" + type + "' is not an inventory template name "
                        + "(exact, case-sensitive)" + (known.isEmpty() ? "; there are no templates yet"
                        : "; known: " + String.join(", ", known))));
                return;
            }
        }
    }

    private void reliesOn(List<FieldError> errors, List<String> entries, @Nullable Long productId) {
        for (String entry : entries) {
            boolean known;
            if (entry.matches("\\d{1,18}")) {
                long id = Long.parseLong(entry);
                known = !Objects.equals(productId, id) && jdbc.sql("SELECT count(*) FROM product WHERE product_id = :id")
                        .param("id", id).query(Long.class).single() > 0;
            } else {
                known = settings.serviceTypes().contains(entry) || jdbc.sql(
                                "SELECT count(*) FROM product WHERE lower(product_slug) = lower(:slug) AND product_id <> :id")
                        .param("slug", entry).param("id", productId == null ? -1L : productId)
                        .query(Long.class).single() > 0;
            }
            if (!known) {
                errors.add(new FieldError("relies_on_list", "'" + entry
                        + "' is neither another product (id or slug) nor a service type"));
                return;
            }
        }
    }

    private static void cost(List<FieldError> errors, String field, BigDecimal value) {
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most 2 decimals"));
        } else if (value.compareTo(MAX_MONEY) > 0) {
            errors.add(new FieldError(field, "is too large"));
        }
    }

    private static void text(List<FieldError> errors, String field, @Nullable String value, int max,
            boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static BigDecimal money(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static List<String> list(@Nullable List<String> items) {
        return items == null ? List.of() : items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Nullable
    private static String trim(@Nullable String text) {
        return text == null ? null : text.strip();
    }

    @Nullable
    private static String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
