package io.switchboard.customer.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;

/**
 * Settings of the customer module.
 *
 * @param defaultCountry country of a site whose form leaves it out, as a code or name
 *                       ({@code SWITCHBOARD_CUSTOMER_DEFAULT_COUNTRY}; blank makes the country required)
 */
@ConfigurationProperties("switchboard.customer")
public record CustomerProperties(@Nullable String defaultCountry) {}
