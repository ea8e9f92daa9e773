package io.switchboard.catalog.internal;

import io.switchboard.catalog.ExistingService;
import io.switchboard.catalog.ProductView;
import io.switchboard.catalog.SalesChannel;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.SiteView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.lang.Nullable;

/** The variables the decision tables read, built from the customer, their first site and services, and the product. */
final class DecisionFacts {

    private DecisionFacts() {}

    /** What is known about a customer, computed once for any number of products. */
    record CustomerFacts(CustomerView customer, @Nullable SiteView site, List<ExistingService> services) {

        Map<String, Object> variables(SalesChannel channel) {
            var live = services.stream().filter(ExistingService::live).toList();
            var vars = new HashMap<String, Object>();
            vars.put("channel", channel.label());
            vars.put("customerType", customer.customerAccountType().label());
            vars.put("customerStatus", customer.customerStatus().label());
            vars.put("customerEnabled", customer.customerEnabled());
            vars.put("paymentType", customer.customerPaymentType().label());
            vars.put("siteCountry", site == null ? null : site.country());
            vars.put("siteRegion", site == null ? null : site.state());
            vars.put("customerServiceTypes", live.stream().map(ExistingService::serviceType).distinct().toList());
            vars.put("customerProductSlugs", live.stream().map(ExistingService::productSlug)
                    .filter(s -> s != null).distinct().toList());
            vars.put("customerProductIds", live.stream().map(ExistingService::productId)
                    .filter(id -> id != null).map(String::valueOf).distinct().toList());
            return vars;
        }
    }

    static Map<String, Object> eligibility(Map<String, Object> customer, ProductView product, Instant now) {
        var vars = new HashMap<>(customer);
        vars.put("productId", String.valueOf(product.productId()));
        vars.put("productSlug", product.productSlug());
        vars.put("productStatus", product.status().name());
        vars.put("productEnabled", product.enabled());
        vars.put("productInDate", product.inDate(now));
        vars.put("productCategory", product.category().label());
        vars.put("productServiceType", product.serviceType());
        vars.put("productResidential", product.residential());
        vars.put("productBusiness", product.business());
        vars.put("productCustomerCanPurchase", product.customerCanPurchase());
        vars.put("productReliesOn", product.reliesOnList());
        return vars;
    }

    static Map<String, Object> compatibility(ExistingService base, ProductView addon) {
        var vars = new HashMap<String, Object>();
        vars.put("addonCategory", addon.category().label());
        vars.put("addonServiceType", addon.serviceType());
        vars.put("addonSlug", addon.productSlug());
        vars.put("addonReliesOn", addon.reliesOnList());
        vars.put("baseServiceType", base.serviceType());
        vars.put("baseServiceStatus", base.status().toUpperCase(Locale.ROOT));
        vars.put("baseProductSlug", base.productSlug());
        vars.put("baseProductId", base.productId() == null ? null : String.valueOf(base.productId()));
        return vars;
    }
}
