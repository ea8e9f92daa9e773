/**
 * The customer self-care portal: mobile-first pages in Spanish and English over the module APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-care portal")
@org.springframework.lang.NonNullApi
package io.switchboard.portal;
