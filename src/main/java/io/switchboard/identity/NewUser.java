package io.switchboard.identity;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A user to create (C-USR-03/04).
 *
 * @param password           the initial password; must meet the {@link PasswordPolicy}
 * @param roles              role names or group ids (case-insensitive); at least one
 * @param contactId          the customer contact to link (customer users); needs the customer module
 * @param mustChangePassword whether the password is temporary (changed at first sign-in)
 */
public record NewUser(String username, String email, String password, String firstName, @Nullable String middleName,
        String lastName, @Nullable String phoneNumber, List<String> roles, @Nullable Long contactId,
        boolean mustChangePassword) {}
