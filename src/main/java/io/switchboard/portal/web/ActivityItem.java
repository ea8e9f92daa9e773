package io.switchboard.portal.web;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * One line of the portal's activity page, ready to show: no user names beyond display names, no e-mail addresses,
 * no IP addresses.
 *
 * @param kind       {@code impersonation-start}, {@code impersonation-end} or {@code change} (icons and badges)
 * @param action     the logged action, lower case (e.g. {@code created}), for the dot's colour
 * @param text       what happened, in the reader's language where the log's wording is not customer data
 * @param record     the kind of record, localised (e.g. "Site"), or {@code null}
 * @param who        who did it: a user of the customer by name, "Support agent Jane", or the system
 * @param onBehalfOf the customer's user a support agent acted as (the entry was made while impersonating), or
 *                   {@code null}
 */
record ActivityItem(long id, Instant occurredAt, String kind, String action, String icon, String text,
        @Nullable String record, String who, @Nullable String onBehalfOf) {

    static final String IMPERSONATION_START = "impersonation-start";
    static final String IMPERSONATION_END = "impersonation-end";
    static final String CHANGE = "change";

    public boolean impersonation() {
        return !CHANGE.equals(kind);
    }

    /** The modifier of the timeline dot: {@code impersonation} or the action. */
    public String dot() {
        return impersonation() ? "impersonation" : action;
    }
}
