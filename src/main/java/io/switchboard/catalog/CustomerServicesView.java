package io.switchboard.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A port the services module implements (issue 5): the services a customer has, for the eligibility and
 * add-on compatibility decisions. Until an implementation exists, customers have no services and every
 * service-based query answers 404 (the service is unknown).
 */
public interface CustomerServicesView {

    List<ExistingService> forCustomer(long customerId);

    Optional<ExistingService> find(long serviceId);
}
