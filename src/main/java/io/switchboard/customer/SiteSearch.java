package io.switchboard.customer;

import org.springframework.lang.Nullable;

/**
 * Filters of the site list besides paging and {@code search} (site name, city or zip code). Sites of archived
 * customers are left out unless {@code includeArchived}.
 */
public record SiteSearch(@Nullable Long customerId, @Nullable String country, boolean includeArchived) {

    public static SiteSearch all() {
        return new SiteSearch(null, null, false);
    }
}
