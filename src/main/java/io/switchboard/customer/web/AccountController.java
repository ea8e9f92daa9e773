package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.AccountSelfService;
import io.switchboard.customer.AccountView;
import io.switchboard.customer.ContactView;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The portal's account page over the API too (no UI-only functionality, A-API-01): customer users only. */
@RestController
@Tag(name = "Own account", description = "A customer user's own account and the edits they may make (C-SC-03)")
class AccountController {

    private final AccountSelfService account;

    AccountController(AccountSelfService account) {
        this.account = account;
    }

    @GetMapping("/crm/account")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The signed-in customer user's account", description = "Customer, own contact, contacts and "
            + "sites, read-only except the own contact's phone. 403 for staff.")
    AccountView myAccount() {
        return account.myAccount();
    }

    @PatchMapping("/crm/account/contact")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change the phone number of the own contact", description = "The email changes through "
            + "identity's verification flow, everything else through staff.")
    ContactView changePhone(@RequestBody PhoneChange change) {
        return account.changeMyPhone(change.contactPhone());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PhoneChange(@Nullable String contactPhone) {}
}
