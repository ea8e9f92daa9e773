/**
 * Camunda on Switchboard's identity: the engine reads our users and roles (roles are Camunda groups) through a
 * read-only identity provider, Tasklist/Cockpit/Admin trust our web sign-in, {@code /engine-rest} runs each call
 * as the JWT's or API key's actor, and the authorizations each role needs in the webapps are kept in place.
 * Camunda types stay in this package (ArchitectureRulesTests).
 */
@org.springframework.lang.NonNullApi
package io.switchboard.identity.camunda;
