package io.switchboard.inventory;

import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Item states of DESIGN.md decision 3 and their allowed transitions (docs/inventory.md has the table):
 *
 * <pre>
 * NEW       → IN_STOCK, RESERVED, ASSIGNED, DAMAGED, RETIRED
 * IN_STOCK  → RESERVED, ASSIGNED, DAMAGED, RETIRED
 * RESERVED  → NEW, IN_STOCK (release, back to the state before), ASSIGNED (confirm)   [reservations API only]
 * ASSIGNED  → RETURNED, IN_STOCK (the guide's rescue release), DAMAGED, RETIRED
 * RETURNED  → IN_STOCK (refurbished), DAMAGED, RETIRED
 * DAMAGED   → RETURNED, IN_STOCK (repaired), RETIRED
 * RETIRED   → (none)
 * </pre>
 *
 * The API shows the guide's wording ({@code "In Stock"}); input accepts that, the enum name ({@code IN_STOCK}) in
 * any case, and the guide's other words: Used → RETURNED; Out of Service, Lost, Stolen, Decommissioned → RETIRED.
 */
public enum InventoryState {
    NEW("New"),
    IN_STOCK("In Stock"),
    RESERVED("Reserved"),
    ASSIGNED("Assigned"),
    RETURNED("Returned"),
    DAMAGED("Damaged"),
    RETIRED("Retired");

    /** States an item can be picked (reserved or assigned) from: C-INVR-05. */
    public static final Set<InventoryState> PICKABLE = EnumSet.of(NEW, IN_STOCK);

    private static final Map<String, InventoryState> ALIASES = Map.of(
            "used", RETURNED,
            "out of service", RETIRED,
            "lost", RETIRED,
            "stolen", RETIRED,
            "decommissioned", RETIRED);

    private final String label;

    InventoryState(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The states this one may change to. */
    public Set<InventoryState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_STOCK, RESERVED, ASSIGNED, DAMAGED, RETIRED);
            case IN_STOCK -> EnumSet.of(RESERVED, ASSIGNED, DAMAGED, RETIRED);
            case RESERVED -> EnumSet.of(NEW, IN_STOCK, ASSIGNED);
            case ASSIGNED -> EnumSet.of(RETURNED, IN_STOCK, DAMAGED, RETIRED);
            case RETURNED -> EnumSet.of(IN_STOCK, DAMAGED, RETIRED);
            case DAMAGED -> EnumSet.of(RETURNED, IN_STOCK, RETIRED);
            case RETIRED -> EnumSet.noneOf(InventoryState.class);
        };
    }

    public boolean canMoveTo(InventoryState target) {
        return next().contains(target);
    }

    /** The states a person may choose by hand (RESERVED is only set and left by the reservations API). */
    public Set<InventoryState> manualNext() {
        if (this == RESERVED) {
            return EnumSet.noneOf(InventoryState.class);
        }
        Set<InventoryState> next = next().isEmpty() ? EnumSet.noneOf(InventoryState.class) : EnumSet.copyOf(next());
        next.remove(RESERVED);
        return next;
    }

    /** Whether an item in this state may be deleted: not while a run holds it (Reserved) or a customer has it (Assigned). */
    public boolean deletable() {
        return this != RESERVED && this != ASSIGNED;
    }

    public boolean isPickable() {
        return PICKABLE.contains(this);
    }

    /**
     * @throws InvalidInputException naming {@code field} for an unknown state
     */
    public static InventoryState parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
        String normal = text.trim().toLowerCase(Locale.ROOT);
        for (InventoryState state : values()) {
            if (state.label.toLowerCase(Locale.ROOT).equals(normal) || state.name().toLowerCase(Locale.ROOT).equals(normal)) {
                return state;
            }
        }
        InventoryState alias = ALIASES.get(normal);
        if (alias != null) {
            return alias;
        }
        throw InvalidInputException.of(field, "must be one of New, In Stock, Reserved, Assigned, Returned, Damaged, "
                + "Retired (or Used, Out of Service, Lost, Stolen, Decommissioned)");
    }
}
