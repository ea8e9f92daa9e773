package io.switchboard.inventory;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;

/**
 * Inventory templates (A-INV-03..08). Reads need {@code view_inventory_template} (customer users:
 * {@code view_own_inventory_template}, or {@code view_own_inventory}); writes {@code create_/update_/
 * delete_inventory_template}. A template with items cannot be deleted (disable it instead); renaming one keeps its
 * items but breaks products naming the old name (A-INV-08), so the console warns.
 */
public interface InventoryTemplates {

    Optional<TemplateView> find(long templateId);

    Optional<TemplateView> findByName(String item);

    /** Every template, enabled first then by name (the console's dropdowns and the list page). */
    List<TemplateView> all();

    Page<TemplateView> search(PageQuery page, boolean enabledOnly);

    TemplateView create(TemplateForm form);

    TemplateView update(long templateId, UnaryOperator<TemplateForm> change);

    /** @throws io.switchboard.shared.ConflictException when items use the template */
    void delete(long templateId);
}
