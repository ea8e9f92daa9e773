package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.internal.CatalogRules;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every row of both decision tables, one parameterised case per row: the facts that reach exactly that row (the
 * rows above it do not match) and the verdict and reason it gives. The row count of each table is checked too, so
 * a row added without a case here fails.
 */
@SwitchboardIntegrationTest
class DecisionTableRowsIntegrationTests {

    @Autowired CatalogRules rules;

    /** A customer who may buy the product: every row but the last lets them through. */
    static Map<String, Object> eligibleFacts() {
        var facts = new HashMap<String, Object>();
        facts.put("productStatus", "ACTIVE");
        facts.put("productEnabled", true);
        facts.put("productInDate", true);
        facts.put("customerStatus", "Open");
        facts.put("customerEnabled", true);
        facts.put("customerType", "Individual");
        facts.put("productResidential", true);
        facts.put("productBusiness", true);
        facts.put("channel", "staff");
        facts.put("productCustomerCanPurchase", true);
        facts.put("productCategory", "standalone");
        facts.put("paymentType", "prepaid");
        facts.put("customerServiceTypes", List.of());
        facts.put("customerProductSlugs", List.of());
        facts.put("customerProductIds", List.of());
        facts.put("productServiceType", "mobile");
        facts.put("productSlug", "mobile-sim");
        facts.put("productId", "1");
        facts.put("siteCountry", "ES");
        facts.put("siteRegion", "Madrid");
        facts.put("productReliesOn", List.of());
        return facts;
    }

    static Stream<Arguments> eligibilityRows() {
        return Stream.of(
                row(1, false, "The product is a draft and not on sale yet", Map.of("productStatus", "DRAFT")),
                row(2, false, "The product is retired and can no longer be sold", Map.of("productStatus", "RETIRED")),
                row(3, false, "The product is disabled", Map.of("productEnabled", false)),
                row(4, false, "The product is outside its availability window", Map.of("productInDate", false)),
                row(5, false, "The customer's account is closed", Map.of("customerStatus", "Closed")),
                row(5, false, "The customer's account is closed", Map.of("customerStatus", "Archived")),
                row(6, false, "The customer is suspended", Map.of("customerStatus", "Suspended")),
                row(7, false, "The customer's account is disabled", Map.of("customerEnabled", false)),
                row(8, false, "The product is for business customers only",
                        Map.of("customerType", "Individual", "productResidential", false, "productBusiness", true)),
                row(9, false, "The product is for residential customers only",
                        Map.of("customerType", "Business", "productBusiness", false)),
                row(10, false, "This product can only be sold by staff",
                        Map.of("channel", "self-care", "productCustomerCanPurchase", false)),
                row(11, false, "Top-ups are for prepaid customers",
                        Map.of("productCategory", "topup", "paymentType", "postpaid")),
                row(12, false, "Needs an existing mobile service",
                        Map.of("productCategory", "addon", "customerServiceTypes", List.of("internet"))),
                row(13, false, "Needs an installation site", facts(
                        "productServiceType", "internet", "siteCountry", null, "siteRegion", null)),
                row(14, false, "Needs one of these first: internet, 42",
                        Map.of("productReliesOn", List.of("internet", "42"))),
                row(15, true, "Eligible", Map.of()),
                // the last row also takes what the refusals above let through
                row(15, true, "Eligible", Map.of("customerType", "Individual", "productResidential", false,
                        "productBusiness", false)),
                row(15, true, "Eligible", Map.of("productCategory", "addon", "customerServiceTypes", List.of("mobile"))),
                row(15, true, "Eligible", Map.of("productReliesOn", List.of("fibre-100", "42"),
                        "customerProductIds", List.of("42"))),
                row(15, true, "Eligible", Map.of("productReliesOn", List.of("fibre-100"),
                        "customerProductSlugs", List.of("fibre-100"))),
                row(15, true, "Eligible", Map.of("channel", "self-care", "productCategory", "topup",
                        "customerServiceTypes", List.of("mobile"))));
    }

    @ParameterizedTest(name = "eligibility row {0}: {2} ({3})")
    @MethodSource("eligibilityRows")
    void eachEligibilityRow(int row, boolean eligible, String reason, Map<String, Object> changes) {
        var facts = eligibleFacts();
        facts.putAll(changes);
        var decision = rules.evaluate(CatalogRules.ELIGIBILITY, facts);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.eligible()).isEqualTo(eligible);
        // the list path (plain DMN engine, parsed table and expressions reused) reaches the same row
        assertThat(rules.evaluate(CatalogRules.ELIGIBILITY, List.of(facts, eligibleFacts())))
                .containsExactly(decision, new EligibilityDecision(true, "Eligible"));
    }

    static Map<String, Object> compatibleFacts() {
        var facts = new HashMap<String, Object>();
        facts.put("addonCategory", "addon");
        facts.put("addonServiceType", "mobile");
        facts.put("addonSlug", "5gb-data-boost");
        facts.put("addonReliesOn", List.of());
        facts.put("baseServiceType", "mobile");
        facts.put("baseServiceStatus", "ACTIVE");
        facts.put("baseProductSlug", "mobile-sim");
        facts.put("baseProductId", "7");
        return facts;
    }

    static Stream<Arguments> compatibilityRows() {
        return Stream.of(
                row(1, false, "Only add-ons and top-ups can be added to a service", Map.of("addonCategory", "standalone")),
                row(1, false, "Only add-ons and top-ups can be added to a service", Map.of("addonCategory", "bundle")),
                row(2, false, "The service is cancelled", Map.of("baseServiceStatus", "CANCELLED")),
                row(3, false, "The service failed to provision", Map.of("baseServiceStatus", "FAILED")),
                row(4, false, "The service is still being provisioned", Map.of("baseServiceStatus", "PROVISIONING")),
                row(5, false, "The service is suspended", Map.of("baseServiceStatus", "SUSPENDED")),
                row(6, false, "The service has expired: only top-ups can be added",
                        Map.of("baseServiceStatus", "EXPIRED")),
                row(7, false, "This add-on is for internet services, not mobile",
                        Map.of("addonServiceType", "internet")),
                row(8, false, "This add-on needs one of: mobile-unlimited, 99",
                        Map.of("addonReliesOn", List.of("mobile-unlimited", "99"))),
                row(9, true, "Compatible", Map.of()),
                row(9, true, "Compatible", Map.of("addonCategory", "topup", "baseServiceStatus", "EXPIRED")),
                row(9, true, "Compatible", Map.of("addonReliesOn", List.of("mobile"))),
                row(9, true, "Compatible", Map.of("addonReliesOn", List.of("mobile-sim"))),
                row(9, true, "Compatible", Map.of("addonReliesOn", List.of("3", "7"))));
    }

    @ParameterizedTest(name = "compatibility row {0}: {2} ({3})")
    @MethodSource("compatibilityRows")
    void eachCompatibilityRow(int row, boolean allowed, String reason, Map<String, Object> changes) {
        var facts = compatibleFacts();
        facts.putAll(changes);
        var decision = rules.evaluate(CatalogRules.COMPATIBILITY, facts);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.eligible()).isEqualTo(allowed);
        assertThat(rules.evaluate(CatalogRules.COMPATIBILITY, List.of(facts, compatibleFacts())))
                .containsExactly(decision, new EligibilityDecision(true, "Compatible"));
    }

    @Test
    void everyRowOfEachTableHasACaseAbove() throws Exception {
        assertThat(rowsOf("decisions/product-eligibility.dmn"))
                .isEqualTo(eligibilityRows().mapToInt(a -> (int) a.get()[0]).max().orElseThrow())
                .isEqualTo((int) eligibilityRows().mapToInt(a -> (int) a.get()[0]).distinct().count());
        assertThat(rowsOf("decisions/addon-compatibility.dmn"))
                .isEqualTo(compatibilityRows().mapToInt(a -> (int) a.get()[0]).max().orElseThrow())
                .isEqualTo((int) compatibilityRows().mapToInt(a -> (int) a.get()[0]).distinct().count());
    }

    private static int rowsOf(String resource) throws Exception {
        try (InputStream in = DecisionTableRowsIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
            return Dmn.readModelFromStream(in).getModelElementsByType(Rule.class).size();
        }
    }

    private static Arguments row(int row, boolean verdict, String reason, Map<String, Object> changes) {
        return Arguments.of(row, verdict, reason, changes);
    }

    private static Map<String, Object> facts(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
