package io.switchboard.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Test-only implementations of the catalogue's ports, standing in for the services module (issue 5): products a
 * test marks as used, and services a test gives a customer. Picked up by component scanning, so the shared test
 * context is unchanged; nothing is registered unless a test does it, so other tests see no services.
 */
final class TestCatalogPorts {

    private TestCatalogPorts() {}

    @Component
    static class UsedProducts implements ProductUsage {

        private static final Set<Long> USED = ConcurrentHashMap.newKeySet();

        static void markUsed(long productId) {
            USED.add(productId);
        }

        static void release(long productId) {
            USED.remove(productId);
        }

        @Override
        public boolean isUsed(long productId) {
            return USED.contains(productId);
        }
    }

    @Component
    static class Services implements CustomerServicesView {

        private static final Map<Long, ExistingService> SERVICES = new ConcurrentHashMap<>();

        static void add(ExistingService service) {
            SERVICES.put(service.serviceId(), service);
        }

        static void remove(long serviceId) {
            SERVICES.remove(serviceId);
        }

        @Override
        public List<ExistingService> forCustomer(long customerId) {
            return new ArrayList<>(SERVICES.values().stream().filter(s -> s.customerId() == customerId).toList());
        }

        @Override
        public Optional<ExistingService> find(long serviceId) {
            return Optional.ofNullable(SERVICES.get(serviceId));
        }
    }
}
