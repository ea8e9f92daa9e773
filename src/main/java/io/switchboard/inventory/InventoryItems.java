package io.switchboard.inventory;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;

/**
 * Inventory items (A-INV-11..21). Reads need {@code view_inventory}; a customer user with
 * {@code view_own_inventory} sees only the items assigned to their customer. Writes are staff-only:
 * {@code create_inventory}, {@code update_inventory} (fields and state changes), {@code delete_inventory}.
 * Every state change goes through {@link InventoryState}'s transitions and appends to the history.
 */
public interface InventoryItems {

    Optional<ItemView> find(long inventoryId);

    Page<ItemView> search(ItemSearch filter, PageQuery page);

    /** Items that a picker may offer for a type (C-INVR-05): NEW or IN_STOCK, no customer, no service. */
    List<ItemView> available(String templateName, int limit);

    /** Validates the form as create would, without saving. @throws io.switchboard.shared.InvalidInputException */
    ItemForm check(ItemForm form, @Nullable Long inventoryId);

    ItemView create(ItemForm form);

    /** Changes the fields (not the state, customer or service). */
    ItemView update(long inventoryId, UnaryOperator<ItemForm> change);

    /**
     * Moves an item to {@code target} if the transition is allowed (409 otherwise). To ASSIGNED it needs a
     * {@code customerId} (the service is optional until services exist) and sets {@code sold_date}; leaving
     * ASSIGNED clears customer and service. RESERVED is entered and left only through
     * {@link InventoryReservations}.
     */
    ItemView changeState(long inventoryId, InventoryState target, @Nullable String reason, @Nullable Long customerId,
            @Nullable Long serviceId);

    /**
     * A PATCH in one transaction: the field changes (if any), then the state change (if {@code target} is given).
     * Either both happen or neither.
     */
    ItemView patch(long inventoryId, UnaryOperator<ItemForm> change, @Nullable InventoryState target,
            @Nullable String reason, @Nullable Long customerId, @Nullable Long serviceId);

    /** Oldest first. */
    List<StateChange> history(long inventoryId);

    void delete(long inventoryId);
}
