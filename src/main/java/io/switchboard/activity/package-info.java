/**
 * The append-only activity log: every write, through any path, with its actor and impersonator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity log")
@org.springframework.lang.NonNullApi
package io.switchboard.activity;
