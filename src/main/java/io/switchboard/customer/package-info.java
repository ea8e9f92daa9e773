/**
 * Customers, their contacts and sites (address, coordinates, plus code), tags and attributes: the CRM core.
 * API: {@link io.switchboard.customer.Customers}, {@link io.switchboard.customer.Contacts},
 * {@link io.switchboard.customer.Sites}, {@link io.switchboard.customer.CustomerTags},
 * {@link io.switchboard.customer.CustomerAttributes}, {@link io.switchboard.customer.CustomerActivity} and the
 * portal's {@link io.switchboard.customer.AccountSelfService}; every read is scoped to the actor's customers and
 * every write is recorded in the activity log. Other modules veto archiving through the
 * {@link io.switchboard.customer.CustomerArchiveCheck} port. Publishes no events yet and listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
@org.springframework.lang.NonNullApi
package io.switchboard.customer;
