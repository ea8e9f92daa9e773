package io.switchboard.catalog;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;

/**
 * The product catalogue. Reads need {@code view_product}; create/update/lifecycle need {@code create_product} /
 * {@code update_product}; delete needs {@code delete_product} and is refused (409) while any
 * {@link ProductUsage} reports the product in use. Writes are validated (I-08: unique slug, lists, inventory types
 * that exist, JSON variables, dates in order, non-negative costs, a safe playbook name) and recorded in the
 * activity log.
 */
public interface Products {

    Optional<ProductView> find(long productId);

    Optional<ProductView> findBySlug(String slug);

    /** Sort by product_id, product_name, product_slug, category, service_type, status, retail_cost, created. */
    Page<ProductView> search(ProductSearch filter, PageQuery page);

    /** Active, enabled, in-date products, by name: what can be sold now. No permission check (used by sales). */
    List<ProductView> orderable();

    /** New products start as {@code DRAFT}. */
    ProductView create(ProductForm form);

    /**
     * Changes a product: {@code change} receives the current values (under a row lock) and returns the new ones.
     * Retired products cannot be changed.
     */
    ProductView update(long productId, UnaryOperator<ProductForm> change);

    ProductView activate(long productId);

    ProductView retire(long productId);

    /** Deletes a product no service uses. */
    void delete(long productId);

    /** The configured service types ({@code switchboard.catalog.service-types}, A-CFG-02). */
    List<String> serviceTypes();
}
