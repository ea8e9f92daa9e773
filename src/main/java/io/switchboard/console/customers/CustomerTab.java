package io.switchboard.console.customers;

import io.switchboard.shared.Actor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * The tabs of the customer page, in order, each shown only to actors with the permission to read what it lists
 * (the details need only the customer itself). The tab's id is its path segment, its {@code ?tab=} value and the
 * name of its template under {@code console/customers/}.
 */
enum CustomerTab {

    DETAILS(null, "file-text"),
    CONTACTS("view_customer_contact", "users"),
    SITES("view_customer_site", "map-pin"),
    TAGS("view_customer_tag", "tag"),
    ATTRIBUTES("view_customer_attribute", "braces"),
    ACTIVITY("view_customer_activity", "history"),
    INVENTORY("view_inventory", "package");

    @Nullable
    private final String permission;
    private final String icon;

    CustomerTab(@Nullable String permission, String icon) {
        this.permission = permission;
        this.icon = icon;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String icon() {
        return icon;
    }

    /** The template with this tab's fragments ({@code panel}, and forms). */
    public String template() {
        return "console/customers/" + id();
    }

    public boolean visibleTo(Actor actor) {
        return permission == null || actor.can(permission);
    }

    static List<CustomerTab> visibleTabs(Actor actor) {
        return Arrays.stream(values()).filter(tab -> tab.visibleTo(actor)).toList();
    }

    static Optional<CustomerTab> byId(@Nullable String id) {
        return Arrays.stream(values()).filter(tab -> tab.id().equals(id)).findFirst();
    }
}
