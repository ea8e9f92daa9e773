/**
 * The product catalogue (seed-C §1.3-1.7, seed-B B-PROD/B-FLT): products with their prices, availability,
 * eligibility flags, inventory requirements, provisioning playbook, features and terms; their lifecycle
 * (draft, active, retired); and the two DMN decisions, product eligibility and add-on compatibility.
 * API: {@link io.switchboard.catalog.Products} and {@link io.switchboard.catalog.Eligibility}. Ports that other
 * modules implement: {@link io.switchboard.catalog.ProductUsage} (guards delete) and
 * {@link io.switchboard.catalog.CustomerServicesView} (a customer's existing services for the decisions).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
@org.springframework.lang.NonNullApi
package io.switchboard.catalog;
