package io.switchboard.inventory;

import java.util.List;

/**
 * The inventory types products may require (C-INVR-01, B-PROD-23): the names ({@code item}) of enabled
 * inventory templates, matched exactly (case- and space-sensitive). No permission check: names are not secret
 * and the catalogue validates products with them.
 */
public interface InventoryTypes {

    /** Whether an enabled template has exactly this name. */
    boolean exists(String name);

    /** Names of the enabled templates, alphabetical. */
    List<String> names();
}
