/**
 * The staff console: server-rendered pages (Thymeleaf + htmx) over the module APIs. No repositories here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
@org.springframework.lang.NonNullApi
package io.switchboard.console;
