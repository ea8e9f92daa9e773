package io.switchboard.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A product with the decision for one customer (or one of their services): what {@code GET
 * /crm/product/available} returns. Only customer-facing fields (no wholesale costs, staff comment or
 * provisioning details), so customer users may see it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductOffer(
        long productId,
        String productSlug,
        String productName,
        ProductCategory category,
        String serviceType,
        @Nullable String icon,
        BigDecimal retailCost,
        BigDecimal retailSetupCost,
        BigDecimal taxPercentage,
        int contractDays,
        AutoRenew autoRenew,
        boolean allowAutoRenew,
        List<String> inventoryItemsList,
        List<String> featuresList,
        @Nullable String terms,
        boolean eligible,
        String reason) {

    public static ProductOffer of(ProductView p, EligibilityDecision decision) {
        return new ProductOffer(p.productId(), p.productSlug(), p.productName(), p.category(), p.serviceType(),
                p.icon(), p.retailCost(), p.retailSetupCost(), p.taxPercentage(), p.contractDays(), p.autoRenew(),
                p.allowAutoRenew(), p.inventoryItemsList(), p.featuresList(), p.terms(), decision.eligible(),
                decision.reason());
    }
}
