package io.switchboard.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.catalog.AutoRenew;
import io.switchboard.catalog.ProductCategory;
import io.switchboard.catalog.ProductForm;
import io.switchboard.catalog.ProductSearch;
import io.switchboard.catalog.ProductStatus;
import io.switchboard.catalog.ProductUsage;
import io.switchboard.catalog.ProductView;
import io.switchboard.catalog.Products;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcProducts implements Products {

    static final String VIEW = "view_product";
    static final String CREATE = "create_product";
    static final String UPDATE = "update_product";
    static final String DELETE = "delete_product";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final Map<String, String> SORTABLE = Map.of(
            "product_id", "product_id",
            "product_name", "lower(product_name)",
            "product_slug", "lower(product_slug)",
            "category", "category",
            "service_type", "service_type",
            "status", "status",
            "retail_cost", "retail_cost",
            "created", "created",
            "last_modified", "last_modified");

    private final JdbcClient jdbc;
    private final ProductValidation validation;
    private final ActivityLog activity;
    private final CurrentActor actors;
    private final CatalogSettings settings;
    private final ObjectProvider<ProductUsage> usages;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    JdbcProducts(JdbcClient jdbc, ProductValidation validation, ActivityLog activity, CurrentActor actors,
            CatalogSettings settings, ObjectProvider<ProductUsage> usages, ObjectMapper json) {
        this.jdbc = jdbc;
        this.validation = validation;
        this.activity = activity;
        this.actors = actors;
        this.settings = settings;
        this.usages = usages;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductView> find(long productId) {
        require(VIEW);
        return byId(productId, false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductView> findBySlug(String slug) {
        require(VIEW);
        return jdbc.sql("SELECT * FROM product WHERE lower(product_slug) = lower(:slug)").param("slug", slug)
                .query(this::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ProductView> search(ProductSearch filter, PageQuery page) {
        require(VIEW);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE TRUE");
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" AND category = :category");
            params.put("category", filter.category().label());
        }
        if (filter.serviceType() != null) {
            where.append(" AND service_type = :serviceType");
            params.put("serviceType", filter.serviceType());
        }
        if (filter.enabled() != null) {
            where.append(" AND enabled = :enabled");
            params.put("enabled", filter.enabled());
        }
        if (filter.orderableOnly()) {
            where.append(ORDERABLE);
            params.put("now", Timestamp.valueOf(LocalDateTime.now(clock)));
        }
        if (page.search() != null) {
            where.append(" AND (product_name ILIKE :search ESCAPE '\\' OR product_slug ILIKE :search ESCAPE '\\'"
                    + " OR service_type ILIKE :search ESCAPE '\\'");
            params.put("search", contains(page.search()));
            if (page.search().matches("\\d{1,18}")) {
                where.append(" OR product_id = :searchId");
                params.put("searchId", Long.parseLong(page.search()));
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT count(*) FROM product" + where).params(params).query(Long.class).single();
        Pageable pageable = page.toPageable(SORTABLE, SORTABLE.get("product_id"));
        String order = pageable.getSort().stream()
                .map(o -> o.getProperty() + (o.isDescending() ? " DESC" : " ASC")).collect(Collectors.joining(", "));
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        var rows = jdbc.sql("SELECT * FROM product" + where + " ORDER BY " + order + ", product_id"
                        + (page.descending() ? " DESC" : " ASC") + " LIMIT :limit OFFSET :offset")
                .params(params).query(this::row).list();
        return new PageImpl<>(rows, PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    private static final String ORDERABLE = " AND status = 'ACTIVE' AND enabled"
            + " AND (available_from IS NULL OR available_from <= :now)"
            + " AND (available_until IS NULL OR available_until >= :now)";

    @Override
    @Transactional(readOnly = true)
    public List<ProductView> orderable() {
        return jdbc.sql("SELECT * FROM product WHERE TRUE" + ORDERABLE + " ORDER BY lower(product_name), product_id")
                .param("now", Timestamp.valueOf(LocalDateTime.now(clock))).query(this::row).list();
    }

    /** Active products (on sale or not), for the eligibility lists; no permission check. */
    @Transactional(readOnly = true)
    public List<ProductView> active() {
        return jdbc.sql("SELECT * FROM product WHERE status = 'ACTIVE' ORDER BY lower(product_name), product_id")
                .query(this::row).list();
    }

    /** A product by id whatever the actor may see: for the decisions, which check the customer instead. */
    @Transactional(readOnly = true)
    public Optional<ProductView> byIdUnchecked(long productId) {
        return byId(productId, false);
    }

    @Override
    public ProductView create(ProductForm form) {
        require(CREATE);
        ProductForm f = validation.complete(form);
        validation.validate(f, null);
        var now = Timestamp.from(clock.instant());
        var params = columns(f);
        params.put("created", now);
        long id = jdbc.sql("""
                INSERT INTO product (product_name, product_slug, category, service_type, status, enabled, icon, comment,
                    retail_cost, wholesale_cost, retail_setup_cost, wholesale_setup_cost, tax_percentage, contract_days,
                    residential, business, customer_can_purchase, available_from, available_until, auto_renew,
                    allow_auto_renew, inventory_items_list, relies_on_list, features_list, terms, provisioning_play,
                    provisioning_json_vars, created, last_modified)
                VALUES (:product_name, :product_slug, :category, :service_type, 'DRAFT', :enabled, :icon, :comment,
                    :retail_cost, :wholesale_cost, :retail_setup_cost, :wholesale_setup_cost, :tax_percentage,
                    :contract_days, :residential, :business, :customer_can_purchase, :available_from, :available_until,
                    :auto_renew, :allow_auto_renew, :inventory_items_list, :relies_on_list, :features_list, :terms,
                    :provisioning_play, :provisioning_json_vars, :created, :created)
                RETURNING product_id""").params(params).query(Long.class).single();
        activity.record(ActivityRecord.of("product", id, null, "created",
                "Product " + f.productName() + " (" + f.productSlug() + ") created as a draft"));
        return byId(id, false).orElseThrow();
    }

    @Override
    public ProductView update(long productId, UnaryOperator<ProductForm> change) {
        require(UPDATE);
        ProductView current = locked(productId);
        if (current.status() == ProductStatus.RETIRED) {
            throw new ConflictException("status", "a retired product cannot be changed; clone it instead");
        }
        ProductForm f = validation.complete(change.apply(current.toForm()));
        validation.validate(f, productId);
        var params = columns(f);
        params.put("id", productId);
        params.put("now", Timestamp.from(clock.instant()));
        jdbc.sql("""
                UPDATE product SET product_name = :product_name, product_slug = :product_slug, category = :category,
                    service_type = :service_type, enabled = :enabled, icon = :icon, comment = :comment,
                    retail_cost = :retail_cost, wholesale_cost = :wholesale_cost, retail_setup_cost = :retail_setup_cost,
                    wholesale_setup_cost = :wholesale_setup_cost, tax_percentage = :tax_percentage,
                    contract_days = :contract_days, residential = :residential, business = :business,
                    customer_can_purchase = :customer_can_purchase, available_from = :available_from,
                    available_until = :available_until, auto_renew = :auto_renew, allow_auto_renew = :allow_auto_renew,
                    inventory_items_list = :inventory_items_list, relies_on_list = :relies_on_list,
                    features_list = :features_list, terms = :terms, provisioning_play = :provisioning_play,
                    provisioning_json_vars = :provisioning_json_vars, last_modified = :now
                WHERE product_id = :id""").params(params).update();
        var before = columns(validation.complete(current.toForm()));
        activity.record(ActivityRecord.of("product", productId, null, "updated",
                "Product " + f.productName() + " changed").withChanges(printable(before), printable(params)));
        return byId(productId, false).orElseThrow();
    }

    @Override
    public ProductView activate(long productId) {
        require(UPDATE);
        ProductView current = locked(productId);
        if (current.status() == ProductStatus.DRAFT && current.provisioningPlay() == null) {
            throw io.switchboard.shared.InvalidInputException.unprocessable("provisioning_play",
                    "is required before the product can be activated");
        }
        return move(current, ProductStatus.ACTIVE, "activated");
    }

    @Override
    public ProductView retire(long productId) {
        require(UPDATE);
        return move(locked(productId), ProductStatus.RETIRED, "retired");
    }

    private ProductView move(ProductView current, ProductStatus next, String action) {
        if (!current.status().canBecome(next)) {
            throw new ConflictException("status", "a " + current.status().name().toLowerCase() + " product cannot be "
                    + action + " (draft → active → retired)");
        }
        jdbc.sql("UPDATE product SET status = :status, last_modified = :now WHERE product_id = :id")
                .param("status", next.name()).param("now", Timestamp.from(clock.instant()))
                .param("id", current.productId()).update();
        activity.record(new ActivityRecord("product", String.valueOf(current.productId()), null, action,
                "Product " + current.productName() + " " + action,
                Map.of("status", new ActivityRecord.Change(current.status().name(), next.name()))));
        return byId(current.productId(), false).orElseThrow();
    }

    @Override
    public void delete(long productId) {
        require(DELETE);
        ProductView current = locked(productId);
        boolean used = usages.orderedStream().anyMatch(usage -> usage.isUsed(productId));
        if (used) {
            throw new ConflictException("product_id", "the product is used by services; retire it instead");
        }
        jdbc.sql("DELETE FROM product WHERE product_id = :id").param("id", productId).update();
        activity.record(ActivityRecord.of("product", productId, null, "deleted",
                "Product " + current.productName() + " (" + current.productSlug() + ") deleted"));
    }

    @Override
    public List<String> serviceTypes() {
        return List.copyOf(settings.serviceTypes());
    }

    private ProductView locked(long productId) {
        return byId(productId, true).orElseThrow(() -> new NotFoundException("product", productId));
    }

    private Optional<ProductView> byId(long productId, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM product WHERE product_id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", productId).query(this::row).optional();
    }

    private void require(String permission) {
        if (!actors.get().can(permission)) {
            throw new AccessDeniedException("needs " + permission);
        }
    }

    private Map<String, Object> columns(ProductForm f) {
        var p = new LinkedHashMap<String, Object>();
        p.put("product_name", f.productName());
        p.put("product_slug", f.productSlug());
        p.put("category", f.category().label());
        p.put("service_type", f.serviceType());
        p.put("enabled", f.enabled());
        p.put("icon", f.icon());
        p.put("comment", f.comment());
        p.put("retail_cost", f.retailCost());
        p.put("wholesale_cost", f.wholesaleCost());
        p.put("retail_setup_cost", f.retailSetupCost());
        p.put("wholesale_setup_cost", f.wholesaleSetupCost());
        p.put("tax_percentage", f.taxPercentage());
        p.put("contract_days", f.contractDays());
        p.put("residential", f.residential());
        p.put("business", f.business());
        p.put("customer_can_purchase", f.customerCanPurchase());
        p.put("available_from", f.availableFrom() == null ? null : Timestamp.valueOf(f.availableFrom()));
        p.put("available_until", f.availableUntil() == null ? null : Timestamp.valueOf(f.availableUntil()));
        p.put("auto_renew", f.autoRenew().label());
        p.put("allow_auto_renew", f.allowAutoRenew());
        p.put("inventory_items_list", write(f.inventoryItemsList()));
        p.put("relies_on_list", write(f.reliesOnList()));
        p.put("features_list", write(f.featuresList()));
        p.put("terms", f.terms());
        p.put("provisioning_play", f.provisioningPlay());
        p.put("provisioning_json_vars", f.provisioningJsonVars());
        return p;
    }

    /** Column values as the activity log compares them: numbers without trailing zeros, dates as text. */
    private static Map<String, Object> printable(Map<String, Object> columns) {
        var out = new LinkedHashMap<String, Object>();
        columns.forEach((key, value) -> {
            if (key.equals("id") || key.equals("now")) {
                return;
            }
            if (value instanceof java.math.BigDecimal number) {
                value = number.stripTrailingZeros().toPlainString();
            }
            out.put(key, value == null ? null : String.valueOf(value));
        });
        return out;
    }

    private String write(List<String> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(text, STRINGS));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProductView row(ResultSet rs, int n) throws SQLException {
        Timestamp from = rs.getTimestamp("available_from");
        Timestamp until = rs.getTimestamp("available_until");
        return new ProductView(rs.getLong("product_id"), rs.getString("product_name"), rs.getString("product_slug"),
                ProductCategory.fromLabel(rs.getString("category")), rs.getString("service_type"),
                ProductStatus.valueOf(rs.getString("status")), rs.getBoolean("enabled"), rs.getString("icon"),
                rs.getString("comment"), rs.getBigDecimal("retail_cost"), rs.getBigDecimal("wholesale_cost"),
                rs.getBigDecimal("retail_setup_cost"), rs.getBigDecimal("wholesale_setup_cost"),
                percentage(rs.getBigDecimal("tax_percentage")),
                rs.getInt("contract_days"), rs.getBoolean("residential"), rs.getBoolean("business"),
                rs.getBoolean("customer_can_purchase"), from == null ? null : from.toLocalDateTime(),
                until == null ? null : until.toLocalDateTime(), AutoRenew.fromLabel(rs.getString("auto_renew")),
                rs.getBoolean("allow_auto_renew"), read(rs.getString("inventory_items_list")),
                read(rs.getString("relies_on_list")), read(rs.getString("features_list")), rs.getString("terms"),
                rs.getString("provisioning_play"), rs.getString("provisioning_json_vars"),
                rs.getObject("created", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("last_modified", java.time.OffsetDateTime.class).toInstant());
    }

    /** 12.500 as 12.5, 10.000 as 10. */
    private static java.math.BigDecimal percentage(java.math.BigDecimal stored) {
        var plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
