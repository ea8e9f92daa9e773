package io.switchboard.customer;

import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * What a customer user may do to their own account in the portal (C-SC-03..05, C-SC-26): read the account,
 * change the phone number of their own contact, and (through identity, once the new address is verified) its
 * email. Everything else — customer type, status, contract, sites, other contacts, the primary contact — is
 * changed by staff only. Methods act for the signed-in customer user ({@code customerId != null}) and refuse
 * anyone else with an {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface AccountSelfService {

    /** The API field names a customer user may change themselves; the portal shows "Edit" only beside these. */
    Set<String> EDITABLE_FIELDS = Set.of("contact_phone", "contact_email");

    /** The signed-in customer user's account. */
    AccountView myAccount();

    /**
     * Sets the phone of the contact linked to the signed-in user ({@code null} or blank clears it).
     *
     * @throws io.switchboard.shared.NotFoundException when no contact is linked to the user
     * @throws io.switchboard.shared.InvalidInputException naming {@code contact_phone}
     */
    ContactView changeMyPhone(@Nullable String phone);

    /**
     * Sets the email of the contact linked to {@code userId} after identity verified the new address (C-SC-04).
     * Callable by that user or by the automation account; identity calls it when the link is followed.
     */
    ContactView applyVerifiedEmail(long userId, String email);
}
