/**
 * Users, roles, permissions, sign-in (web session, JWT, API keys) and the bridge that makes Camunda's
 * webapps and REST API use the same users and groups. Publishes nothing yet; other modules ask
 * {@link io.switchboard.identity.CurrentActor} who is acting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
@org.springframework.lang.NonNullApi
package io.switchboard.identity;
