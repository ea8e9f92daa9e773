package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SwitchboardIntegrationTest
class DirectoryIntegrationTests {

    @Autowired Directory directory;
    @Autowired TestLogins logins;
    @Autowired RoleAdministration roles;
    @Autowired UserAdministration users;

    @Test
    void findsUsersAndRolesTheWayCamundaAsksForThem() {
        assertThat(directory.usersInRole("admin")).extracting(DirectoryUser::username).contains("admin");
        assertThat(directory.findRole("supervisor").orElseThrow().name()).isEqualTo("Supervisor");
        long adminId = directory.findUserByUsername("ADMIN").orElseThrow().id();
        assertThat(directory.rolesOf(adminId)).extracting(DirectoryRole::groupId).contains("admin");
        assertThat(directory.roles()).extracting(DirectoryRole::groupId).contains("customer-care", "broadcast-approver");
    }

    @Test
    void pagesThroughTheMembersOfARole() {
        var role = roles.create(new NewRole("Directory paging " + System.nanoTime(), null));
        var members = List.of(logins.withRoles(role.groupId()), logins.withRoles(role.groupId()),
                logins.withRoles(role.groupId()));
        var query = DirectoryQuery.membersOf(role.groupId());
        assertThat(directory.countUsers(query)).isEqualTo(3);
        var firstTwo = directory.findUsers(query, 0, 2);
        var rest = directory.findUsers(query, 2, 2);
        var skewed = directory.findUsers(query, 1, 2);
        assertThat(firstTwo).hasSize(2);
        assertThat(rest).hasSize(1);
        assertThat(skewed).hasSize(2);
        assertThat(firstTwo.stream().map(DirectoryUser::username).toList())
                .doesNotContainAnyElementsOf(rest.stream().map(DirectoryUser::username).toList());
        assertThat(directory.findUsers(DirectoryQuery.byIds(List.of(members.get(0).id())), 0, 10))
                .extracting(DirectoryUser::username).containsExactly(members.get(0).username());
    }

    @Test
    void checksPasswordsOfActiveUsersOnly() {
        var user = logins.withRoles("support");
        assertThat(directory.checkPassword(user.username(), user.password())).isTrue();
        assertThat(directory.checkPassword(user.username(), "Wrong-Passw0rd!")).isFalse();
        users.update(user.id(), new UserChanges(null, null, null, null, null, null, null, false, null));
        assertThat(directory.checkPassword(user.username(), user.password())).isFalse();
        users.delete(user.id());
        assertThat(directory.findUser(user.id())).isEmpty();
    }
}
