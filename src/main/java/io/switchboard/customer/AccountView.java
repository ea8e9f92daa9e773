package io.switchboard.customer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A customer user's own account as the portal shows it (C-SC-03): the customer (read-only), their own contact
 * (the one linked to their user; phone editable), the other contacts and the sites (read-only).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountView(CustomerView customer, @Nullable ContactView myContact, List<ContactView> contacts,
        List<SiteView> sites) {}
