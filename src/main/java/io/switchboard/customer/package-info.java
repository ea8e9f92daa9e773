/**
 * Customers, their contacts and sites (address, coordinates, plus code), tags and attributes: the CRM core.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
@org.springframework.lang.NonNullApi
package io.switchboard.customer;
