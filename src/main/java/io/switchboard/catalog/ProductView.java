package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.customer.GuideDateTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A product as {@code GET /crm/product/product_id/{id}} returns it (C-PRD-06/07): every field of the guide, the
 * lists normalised to JSON arrays, plus Switchboard's {@code status} and the system timestamps (B-PROD-22).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductView(
        long productId,
        String productName,
        String productSlug,
        ProductCategory category,
        String serviceType,
        ProductStatus status,
        boolean enabled,
        @Nullable String icon,
        @Nullable String comment,
        BigDecimal retailCost,
        BigDecimal wholesaleCost,
        BigDecimal retailSetupCost,
        BigDecimal wholesaleSetupCost,
        BigDecimal taxPercentage,
        int contractDays,
        boolean residential,
        boolean business,
        boolean customerCanPurchase,
        @Nullable @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime availableFrom,
        @Nullable @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime availableUntil,
        AutoRenew autoRenew,
        boolean allowAutoRenew,
        List<String> inventoryItemsList,
        List<String> reliesOnList,
        List<String> featuresList,
        @Nullable String terms,
        @Nullable String provisioningPlay,
        @Nullable String provisioningJsonVars,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified) {

    /** This product's editable fields, as the form an edit starts from. */
    public ProductForm toForm() {
        return new ProductForm(productName, productSlug, category, serviceType, enabled, icon, comment, retailCost,
                wholesaleCost, retailSetupCost, wholesaleSetupCost, taxPercentage, contractDays, residential, business,
                customerCanPurchase, availableFrom, availableUntil, autoRenew, allowAutoRenew, inventoryItemsList,
                reliesOnList, featuresList, terms, provisioningPlay, provisioningJsonVars);
    }

    /** Whether {@code at} lies inside the availability window (either end open when absent). */
    public boolean inDate(Instant at) {
        LocalDateTime now = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return (availableFrom == null || !now.isBefore(availableFrom))
                && (availableUntil == null || !now.isAfter(availableUntil));
    }

    /** On sale now: active, enabled and in its window (B-FLT-04, B-FLT-05). */
    public boolean orderable(Instant at) {
        return status == ProductStatus.ACTIVE && enabled && inDate(at);
    }
}
