/**
 * Inventory (A-INV, C-INVR; DESIGN.md decision 3): templates (the inventory types products require), items with
 * their template fields, location, management URL and state, the state machine with its history, reservations
 * for provisioning runs, CSV import and export.
 * API: {@link io.switchboard.inventory.InventoryTypes} (type names for the catalogue),
 * {@link io.switchboard.inventory.InventoryTemplates}, {@link io.switchboard.inventory.InventoryItems} and
 * {@link io.switchboard.inventory.InventoryReservations} (for the provisioning process).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
@org.springframework.lang.NonNullApi
package io.switchboard.inventory;
