/**
 * Users, roles, permissions, sign-in (web session, JWT, API keys) and the bridge that makes Camunda's
 * webapps and REST API use the same users and groups. The signed-in principal is an
 * {@link io.switchboard.shared.Actor}; other modules ask {@link io.switchboard.shared.CurrentActor} who is acting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
@org.springframework.lang.NonNullApi
package io.switchboard.identity;
