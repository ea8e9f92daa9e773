package io.switchboard.identity.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.switchboard.identity.NewUser;
import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.UserWelcomeEmails;
import io.switchboard.identity.UserChanges;
import io.switchboard.identity.UserProfile;
import io.switchboard.identity.UserSearch;
import io.switchboard.identity.UserSummary;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users (C-USR-03..13, C-PWD-04); every endpoint needs {@code admin}. */
@RestController
@Tag(name = "Users")
class UserController {

    private final UserAdministration users;
    private final UserWelcomeEmails welcomeEmails;
    private final ObjectMapper json;

    UserController(UserAdministration users, UserWelcomeEmails welcomeEmails, ObjectMapper json) {
        this.users = users;
        this.welcomeEmails = welcomeEmails;
        this.json = json;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateUserRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1000) String password, @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String middleName, @NotBlank @Size(max = 100) String lastName,
            @Size(max = 40) String phoneNumber, @NotBlank @Size(max = 1000) String role, Long contactId,
            Boolean forceChange) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateUserRequest(@Email @Size(max = 254) String email, @Size(max = 100) String firstName,
            @Size(max = 100) String middleName, @Size(max = 100) String lastName, @Size(max = 40) String phoneNumber,
            @Size(max = 1000) String role, JsonNode contactId, Boolean enabled, Boolean deleted) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ResetPasswordRequest(@Size(max = 1000) String newPassword, Boolean forceChange) {}

    /** The {@code filters} parameter of the search (C-USR-07). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    record Filters(List<String> role, List<String> emailDomain, List<Boolean> deleted, List<Boolean> enabled,
            String lastLoginAfter, String lastLoginBefore, Boolean neverLoggedIn,
            @com.fasterxml.jackson.annotation.JsonAlias("2fa_enabled") List<Boolean> twoFactorEnabled) {}

    @Operation(summary = "Create a user; role is a comma-separated list of role names")
    @PostMapping("/auth/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserProfile create(@Valid @RequestBody CreateUserRequest request) {
        return users.create(new NewUser(request.username(), request.email(), request.password(), request.firstName(),
                request.middleName(), request.lastName(), request.phoneNumber(), Requests.commaSeparated(request.role()),
                request.contactId(), request.forceChange() == null || request.forceChange()));
    }

    @Operation(summary = "List users that are not deleted")
    @GetMapping("/auth/users")
    ApiPage<UserSummary> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search) {
        return ApiPage.of(users.list(PageQuery.of(page, perPage, sort, order, search)), u -> u);
    }

    @Operation(summary = "Search users; filters is JSON: {\"role\":[..], \"email_domain\":[..], \"deleted\":[true], "
            + "\"enabled\":[false], \"last_login_after\":\"2026-01-01\", \"last_login_before\":..., \"never_logged_in\":true, \"two_factor_enabled\":[true]}")
    @GetMapping("/auth/users/search")
    ApiPage<UserSummary> search(@RequestParam(required = false) String search,
            @RequestParam(required = false) String filters, @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        Filters parsed = parse(filters);
        var userSearch = new UserSearch(query.search(), parsed.role(), parsed.emailDomain(), parsed.deleted(),
                parsed.enabled(), Requests.startOfDayOrInstant("filters.last_login_after", parsed.lastLoginAfter()),
                Requests.startOfDayOrInstant("filters.last_login_before", parsed.lastLoginBefore()),
                parsed.neverLoggedIn(), parsed.twoFactorEnabled());
        return ApiPage.of(users.search(userSearch, query), u -> u);
    }

    @Operation(summary = "One user with roles, effective permissions, last login, sessions and linked contact")
    @GetMapping("/auth/users/{id}")
    UserProfile get(@PathVariable long id) {
        return users.get(id);
    }

    @Operation(summary = "Edit a user; role replaces all roles; \"deleted\": false restores; contact_id null unlinks")
    @PutMapping("/auth/users/{id}")
    UserProfile update(@PathVariable long id, @Valid @RequestBody UpdateUserRequest request) {
        return users.update(id, new UserChanges(request.email(), request.firstName(), request.middleName(),
                request.lastName(), request.phoneNumber(), Requests.commaSeparated(request.role()),
                Requests.presentLong("contact_id", request.contactId()), request.enabled(), request.deleted()));
    }

    @Operation(summary = "Soft-delete a user: sign-in blocked, sessions and tokens revoked at once")
    @DeleteMapping("/auth/users/{id}")
    Map<String, String> delete(@PathVariable long id) {
        users.delete(id);
        return Requests.SUCCESS;
    }

    @Operation(summary = "Set a user's password (force_change, default true: temporary); without new_password a "
            + "strong temporary password is generated and returned once")
    @PostMapping("/auth/users/{id}/admin_reset_password")
    Map<String, String> resetPassword(@PathVariable long id,
            @Valid @RequestBody(required = false) ResetPasswordRequest request) {
        boolean forceChange = request == null || request.forceChange() == null || request.forceChange();
        if (request == null || request.newPassword() == null) {
            return Map.of("result", "success", "temporary_password", users.resetToTemporaryPassword(id));
        }
        users.resetPassword(id, request.newPassword(), forceChange);
        return Requests.SUCCESS;
    }

    @Operation(summary = "End a user's sign-in lockout (after too many wrong passwords) before its time")
    @PostMapping("/auth/users/{id}/unlock")
    UserProfile unlock(@PathVariable long id) {
        users.unlock(id);
        return users.get(id);
    }

    @Operation(summary = "Send the welcome email (Mailjet user-welcome template) to a user who has never signed in; "
            + "once a day at most")
    @PostMapping("/auth/users/{id}/send_welcome_email")
    Map<String, String> sendWelcomeEmail(@PathVariable long id) {
        return Map.of("result", "success", "email", welcomeEmails.send(id) ? "queued" : "already queued today");
    }

    private Filters parse(String filters) {
        if (filters == null || filters.isBlank()) {
            return new Filters(null, null, null, null, null, null, null, null);
        }
        if (filters.length() > 2000) {
            throw InvalidInputException.of("filters", "must be at most 2000 characters");
        }
        try {
            Filters parsed = json.readValue(filters, Filters.class);
            return parsed == null ? new Filters(null, null, null, null, null, null, null, null) : parsed;
        } catch (UnrecognizedPropertyException e) {
            throw InvalidInputException.of("filters." + e.getPropertyName(), "is not a known filter");
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("filters", "must be a JSON object such as {\"role\":[\"Support\"]}: "
                    + e.getOriginalMessage());
        }
    }
}
