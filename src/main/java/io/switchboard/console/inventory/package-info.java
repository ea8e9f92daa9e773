/** Console screens for inventory: templates, items (list, page with state actions, QR code, map), CSV import. */
@org.springframework.lang.NonNullApi
package io.switchboard.console.inventory;
