package io.switchboard.catalog.internal;

import io.switchboard.catalog.CustomerServicesView;
import io.switchboard.catalog.Eligibility;
import io.switchboard.catalog.EligibilityDecision;
import io.switchboard.catalog.ExistingService;
import io.switchboard.catalog.ProductOffer;
import io.switchboard.catalog.ProductView;
import io.switchboard.catalog.SalesChannel;
import io.switchboard.customer.Customers;
import io.switchboard.customer.SiteView;
import io.switchboard.customer.Sites;
import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * {@link Eligibility} over the DMN tables. The customer is read as the current actor (so an invisible customer is
 * a 404, and a customer user reaches only their own, always through the self-care channel); the customer's first
 * site is then read with system rights, because the decision must not depend on whether the asking user may
 * read sites. No surrounding transaction: the engine records single decisions in its own. Existing services come from {@link CustomerServicesView} implementations (none before issue 5).
 */
@Service
class EligibilityService implements Eligibility {

    private final Customers customers;
    private final Sites sites;
    private final JdbcProducts products;
    private final CatalogRules rules;
    private final CurrentActor actors;
    private final ObjectProvider<CustomerServicesView> services;
    private final Clock clock = Clock.systemUTC();

    EligibilityService(Customers customers, Sites sites, JdbcProducts products, CatalogRules rules,
            CurrentActor actors, ObjectProvider<CustomerServicesView> services) {
        this.customers = customers;
        this.sites = sites;
        this.products = products;
        this.rules = rules;
        this.actors = actors;
        this.services = services;
    }

    @Override
    public EligibilityDecision check(long customerId, long productId, SalesChannel channel) {
        var facts = customerFacts(customerId);
        ProductView product = product(productId);
        return rules.evaluate(CatalogRules.ELIGIBILITY,
                DecisionFacts.eligibility(facts.variables(channel(channel)), product, clock.instant()));
    }

    @Override
    public EligibilityDecision checkAddon(long serviceId, long productId, SalesChannel channel) {
        ExistingService base = service(serviceId);
        var facts = customerFacts(base.customerId());
        ProductView addon = product(productId);
        return both(facts.variables(channel(channel)), base, addon, clock.instant());
    }

    @Override
    public List<ProductOffer> available(long customerId, SalesChannel channel) {
        var customer = customerFacts(customerId).variables(channel(channel));
        var catalogue = products.active();
        Instant now = clock.instant();
        var decisions = rules.evaluate(CatalogRules.ELIGIBILITY,
                catalogue.stream().map(p -> DecisionFacts.eligibility(customer, p, now)).toList());
        return sorted(catalogue, decisions);
    }

    @Override
    public List<ProductOffer> availableAddons(long serviceId, SalesChannel channel) {
        ExistingService base = service(serviceId);
        var customer = customerFacts(base.customerId()).variables(channel(channel));
        var addons = products.active().stream().filter(p -> p.category().appliesToService()).toList();
        Instant now = clock.instant();
        var eligible = rules.evaluate(CatalogRules.ELIGIBILITY,
                addons.stream().map(p -> DecisionFacts.eligibility(customer, p, now)).toList());
        var compatible = rules.evaluate(CatalogRules.COMPATIBILITY,
                addons.stream().map(p -> DecisionFacts.compatibility(base, p)).toList());
        var decisions = new ArrayList<EligibilityDecision>();
        for (int i = 0; i < addons.size(); i++) {
            decisions.add(eligible.get(i).eligible() ? compatible.get(i) : eligible.get(i));
        }
        return sorted(addons, decisions);
    }

    private EligibilityDecision both(Map<String, Object> customer, ExistingService base, ProductView addon,
            Instant now) {
        var eligible = rules.evaluate(CatalogRules.ELIGIBILITY, DecisionFacts.eligibility(customer, addon, now));
        if (!eligible.eligible()) {
            return eligible;
        }
        return rules.evaluate(CatalogRules.COMPATIBILITY, DecisionFacts.compatibility(base, addon));
    }

    private static List<ProductOffer> sorted(List<ProductView> catalogue, List<EligibilityDecision> decisions) {
        var offers = new ArrayList<ProductOffer>();
        for (int i = 0; i < catalogue.size(); i++) {
            offers.add(ProductOffer.of(catalogue.get(i), decisions.get(i)));
        }
        offers.sort(Comparator.comparing((ProductOffer o) -> !o.eligible())
                .thenComparing(o -> o.productName().toLowerCase(java.util.Locale.ROOT)));
        return offers;
    }

    /** Customer users always buy for themselves, in the portal. */
    private SalesChannel channel(SalesChannel asked) {
        return actors.get().isCustomerScoped() ? SalesChannel.SELF_CARE : asked;
    }

    private ProductView product(long productId) {
        return products.byIdUnchecked(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    private ExistingService service(long serviceId) {
        ExistingService found = services.orderedStream().map(view -> view.find(serviceId))
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new NotFoundException("service", serviceId));
        // the customer must be visible to the actor, or the service does not exist for them
        customers.find(found.customerId()).orElseThrow(() -> new NotFoundException("service", serviceId));
        return found;
    }

    DecisionFacts.CustomerFacts customerFacts(long customerId) {
        var customer = customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
        SiteView site = asSystem(() -> sites.forCustomer(customerId)).stream().findFirst().orElse(null);
        var existing = services.orderedStream().flatMap(view -> view.forCustomer(customerId).stream()).toList();
        return new DecisionFacts.CustomerFacts(customer, site, existing);
    }

    private static <T> T asSystem(Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        var system = Actor.system();
        var empty = SecurityContextHolder.createEmptyContext();
        empty.setAuthentication(new UsernamePasswordAuthenticationToken(system, null, List.of()));
        SecurityContextHolder.setContext(empty);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(context);
            if (context.getAuthentication() != previous) {
                context.setAuthentication(previous);
            }
        }
    }
}
