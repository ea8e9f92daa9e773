package io.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.shared.Actor;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceTests {

    @Test
    void customerScopedActorsBelongInThePortal() {
        assertThat(Audience.of(actor(42L, Set.of()))).isEqualTo(Audience.CUSTOMER);
        assertThat(Audience.CUSTOMER.home()).isEqualTo("/portal");
    }

    @Test
    void customerRolesBelongInThePortalWhateverTheirSpelling() {
        assertThat(Audience.of(actor(null, Set.of("Customer")))).isEqualTo(Audience.CUSTOMER);
        assertThat(Audience.of(actor(null, Set.of("customer_admin")))).isEqualTo(Audience.CUSTOMER);
        assertThat(Audience.of(actor(null, Set.of("Customer Admin")))).isEqualTo(Audience.CUSTOMER);
    }

    @Test
    void customerCareStaffBelongInTheConsole() {
        assertThat(Audience.of(actor(null, Set.of("customer care", "support")))).isEqualTo(Audience.STAFF);
        assertThat(Audience.of(actor(null, Set.of()))).isEqualTo(Audience.STAFF);
        assertThat(Audience.STAFF.home()).isEqualTo("/console");
    }

    private static Actor actor(Long customerId, Set<String> roles) {
        return new Actor(7L, "someone", customerId, Set.of(), roles, null);
    }
}
