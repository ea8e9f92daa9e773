package io.switchboard.identity.internal;

import io.switchboard.identity.UserSummary;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps user entities to the API's records and to the before/after maps of the activity log. */
public final class UserViews {

    private UserViews() {}

    public static UserSummary summary(UserAccount u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getMiddleName(),
                u.getLastName(), u.getPhoneNumber(),
                u.getRoles().stream().map(Role::getName).sorted(Comparator.naturalOrder()).toList(),
                u.isEnabled(), u.isDeleted(), u.getDeletedAt(), u.isMustChangePassword(), u.isServiceAccount(),
                u.getLastLoginAt(), u.getContactId(), u.getCustomerId(), u.getCreatedAt(),
                u.isLockedAt(java.time.Instant.now()) ? u.getLockedUntil() : null, u.isTwoFactorEnabled());
    }

    /** The fields the activity log compares; never the password hash. */
    public static Map<String, Object> auditFields(UserAccount u) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("email", u.getEmail());
        fields.put("first_name", u.getFirstName());
        fields.put("middle_name", u.getMiddleName());
        fields.put("last_name", u.getLastName());
        fields.put("phone_number", u.getPhoneNumber());
        fields.put("roles", u.getRoles().stream().map(Role::getName).sorted().collect(Collectors.joining(",")));
        fields.put("contact_id", u.getContactId());
        fields.put("customer_id", u.getCustomerId());
        fields.put("enabled", u.isEnabled());
        fields.put("deleted", u.isDeleted());
        fields.put("must_change_password", u.isMustChangePassword());
        return fields;
    }
}
