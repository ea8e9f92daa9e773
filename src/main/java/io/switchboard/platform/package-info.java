/**
 * Runtime plumbing that belongs to no business capability: the PostgreSQL data source (a server, or an
 * embedded one for the quick start), the start-up banner with URLs and demo logins, OpenAPI and health.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.springframework.lang.NonNullApi
package io.switchboard.platform;
