package io.switchboard.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import java.util.HashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Who sees which customers: the scope rules, without a database. */
class CustomerAccessTests {

    static CustomerAccess as(Actor actor) {
        return new CustomerAccess(new CurrentActor() {
            @Override
            public Actor get() {
                return actor;
            }
        });
    }

    static Actor staff(String... permissions) {
        return new Actor(10L, "staff", null, Set.of(permissions), Set.of(), null);
    }

    @Test
    void staffWithTheViewPermissionSeeEveryCustomer() {
        assertThat(as(staff("view_customer")).read("view_customer", "view_own_customer")).isEqualTo(Scope.ALL);
        assertThat(as(staff("admin")).read("view_customer_site", "view_own_customer_site")).isEqualTo(Scope.ALL);
        assertThat(as(Actor.system()).write("delete_customer")).isEqualTo(Scope.ALL);
    }

    @Test
    void aCustomerUserIsConfinedToTheirCustomerWhicheverPermissionTheyHold() {
        var user = new Actor(11L, "u", 77L, Set.of("view_customer", "view_own_customer_contact"), Set.of(), null);
        assertThat(as(user).read("view_customer", "view_own_customer")).isEqualTo(Scope.ownCustomer(77));
        assertThat(as(user).read("view_customer_contact", "view_own_customer_contact")).isEqualTo(Scope.ownCustomer(77));
        assertThatThrownBy(() -> as(user).read("view_customer_site", "view_own_customer_site"))
                .isInstanceOf(AccessDeniedException.class);
        var writer = new Actor(11L, "u", 77L, Set.of("update_customer"), Set.of(), null);
        assertThatThrownBy(() -> as(writer).write("update_customer")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void ownScopePermissionsGrantNothingToStaffWithoutACustomer() {
        assertThatThrownBy(() -> as(staff("view_own_customer")).read("view_customer", "view_own_customer"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCoordinatorSeesOnlyAssignedCustomersForEveryKindOfRecord() {
        var coordinator = staff("view_assigned_customer", "view_customer_contact", "update_customer");
        assertThat(as(coordinator).read("view_customer", "view_own_customer")).isEqualTo(Scope.assignedTo(10));
        assertThat(as(coordinator).read("view_customer_contact", "view_own_customer_contact"))
                .isEqualTo(Scope.assignedTo(10));
        assertThat(as(coordinator).write("update_customer")).isEqualTo(Scope.assignedTo(10));
        // view_customer wins over the assignment rule
        assertThat(as(staff("view_assigned_customer", "view_customer")).read("view_customer", "view_own_customer"))
                .isEqualTo(Scope.ALL);
        // without a user id (an API key) there is nobody to be assigned to
        var key = new Actor(null, "api-key:x", null, Set.of("view_assigned_customer"), Set.of(), null);
        assertThat(as(key).read("view_customer", "view_own_customer")).isEqualTo(Scope.NONE);
    }

    @Test
    void scopesRenderAsSqlConditionsWithBoundParameters() {
        var params = new HashMap<String, Object>();
        assertThat(Scope.ownCustomer(5).condition("c", params)).isEqualTo(" AND c.customer_id = :scope_customer");
        assertThat(params).containsEntry("scope_customer", 5L);
        assertThat(Scope.assignedTo(9).condition("c", params)).isEqualTo(" AND c.assigned_user_id = :scope_user");
        assertThat(Scope.NONE.condition("c", params)).isEqualTo(" AND FALSE");
        assertThat(Scope.ALL.condition("c", params)).isEmpty();
    }
}
