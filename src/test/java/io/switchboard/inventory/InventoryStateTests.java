package io.switchboard.inventory;

import static io.switchboard.inventory.InventoryState.ASSIGNED;
import static io.switchboard.inventory.InventoryState.DAMAGED;
import static io.switchboard.inventory.InventoryState.IN_STOCK;
import static io.switchboard.inventory.InventoryState.NEW;
import static io.switchboard.inventory.InventoryState.RESERVED;
import static io.switchboard.inventory.InventoryState.RETIRED;
import static io.switchboard.inventory.InventoryState.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN.md decision 3: the transition table, exactly. */
class InventoryStateTests {

    static final Map<InventoryState, Set<InventoryState>> ALLOWED = Map.of(
            NEW, EnumSet.of(IN_STOCK, RESERVED, ASSIGNED, DAMAGED, RETIRED),
            IN_STOCK, EnumSet.of(RESERVED, ASSIGNED, DAMAGED, RETIRED),
            RESERVED, EnumSet.of(NEW, IN_STOCK, ASSIGNED),
            ASSIGNED, EnumSet.of(RETURNED, IN_STOCK, DAMAGED, RETIRED),
            RETURNED, EnumSet.of(IN_STOCK, DAMAGED, RETIRED),
            DAMAGED, EnumSet.of(RETURNED, IN_STOCK, RETIRED),
            RETIRED, EnumSet.noneOf(InventoryState.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        for (InventoryState from : InventoryState.values()) {
            for (InventoryState to : InventoryState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void refusedSamples() {
        assertThat(IN_STOCK.canMoveTo(NEW)).isFalse();
        assertThat(RETIRED.canMoveTo(IN_STOCK)).isFalse();
        assertThat(RETURNED.canMoveTo(ASSIGNED)).isFalse();
        assertThat(DAMAGED.canMoveTo(ASSIGNED)).isFalse();
        assertThat(ASSIGNED.canMoveTo(NEW)).isFalse();
        assertThat(NEW.canMoveTo(NEW)).isFalse();
    }

    @Test
    void handChosenStatesNeverIncludeReserved() {
        assertThat(NEW.manualNext()).doesNotContain(RESERVED).contains(IN_STOCK, ASSIGNED);
        assertThat(RESERVED.manualNext()).isEmpty();
        assertThat(RETIRED.manualNext()).isEmpty();
    }

    @Test
    void pickersOfferNewAndInStockOnly() {
        assertThat(EnumSet.allOf(InventoryState.class).stream().filter(InventoryState::isPickable))
                .containsExactlyInAnyOrder(NEW, IN_STOCK);
    }

    @Test
    void parsesTheGuideWordsTheEnumNamesAndTheAliases() {
        assertThat(InventoryState.parse("item_state", "In Stock")).isEqualTo(IN_STOCK);
        assertThat(InventoryState.parse("item_state", "in_stock")).isEqualTo(IN_STOCK);
        assertThat(InventoryState.parse("item_state", "Assigned")).isEqualTo(ASSIGNED);
        assertThat(InventoryState.parse("item_state", "Used")).isEqualTo(RETURNED);
        assertThat(InventoryState.parse("item_state", "Stolen")).isEqualTo(RETIRED);
        assertThat(IN_STOCK.label()).isEqualTo("In Stock");
        assertThatThrownBy(() -> InventoryState.parse("item_state", "Sold"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("item_state"));
    }
}
