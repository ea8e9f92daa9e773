package io.switchboard.inventory.internal;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcInventoryTemplates implements InventoryTemplates {

    static final String ENTITY = "inventory_template";
    private static final Map<String, String> SORTABLE = Map.of(
            "inventory_template_id", "inventory_template_id",
            "item", "lower(item)",
            "enabled", "enabled",
            "created", "created",
            "last_modified", "last_modified");

    private final JdbcClient jdbc;
    private final InventoryAccess access;
    private final ActivityLog activity;
    private final Clock clock = Clock.systemUTC();

    JdbcInventoryTemplates(JdbcClient jdbc, InventoryAccess access, ActivityLog activity) {
        this.jdbc = jdbc;
        this.access = access;
        this.activity = activity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplateView> find(long templateId) {
        access.readTemplates();
        return load(templateId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplateView> findByName(String item) {
        access.readTemplates();
        return jdbc.sql("SELECT * FROM inventory_templates WHERE item = :item").param("item", item)
                .query(JdbcInventoryTemplates::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TemplateView> all() {
        access.readTemplates();
        return jdbc.sql("SELECT * FROM inventory_templates ORDER BY enabled DESC, lower(item)")
                .query(JdbcInventoryTemplates::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<TemplateView> search(PageQuery page, boolean enabledOnly) {
        access.readTemplates();
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE TRUE");
        if (enabledOnly) {
            where.append(" AND enabled");
        }
        if (page.search() != null) {
            where.append(" AND (item ILIKE :search ESCAPE '\\' OR description ILIKE :search ESCAPE '\\')");
            params.put("search", ItemRows.contains(page.search()));
        }
        long total = jdbc.sql("SELECT count(*) FROM inventory_templates" + where).params(params).query(Long.class).single();
        String paging = ItemRows.orderAndPage(page, SORTABLE, "item", "inventory_template_id", params);
        var rows = jdbc.sql("SELECT * FROM inventory_templates" + where + paging).params(params)
                .query(JdbcInventoryTemplates::row).list();
        return new PageImpl<>(rows, PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    @Override
    public TemplateView create(TemplateForm form) {
        access.write(InventoryAccess.CREATE_TEMPLATE);
        TemplateForm clean = check(form, null);
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("INSERT INTO inventory_templates (item, description, icon, wholesale_cost, retail_cost, "
                        + labelColumns() + ", allow_staff_dropdown, allow_customer_dropdown, enabled, created, last_modified)"
                        + " VALUES (:item, :description, :icon, :wholesale, :retail, " + labelParams()
                        + ", :staff, :customer, :enabled, :now, :now) RETURNING inventory_template_id")
                .params(columns(clean)).param("now", now).query(Long.class).single();
        TemplateView created = load(id).orElseThrow();
        activity.record(ActivityRecord.of(ENTITY, id, null, "CREATED", "Added inventory template " + created.item())
                .withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public TemplateView update(long templateId, UnaryOperator<TemplateForm> change) {
        access.write(InventoryAccess.UPDATE_TEMPLATE);
        TemplateView before = jdbc.sql("SELECT * FROM inventory_templates WHERE inventory_template_id = :id FOR UPDATE")
                .param("id", templateId).query(JdbcInventoryTemplates::row).optional()
                .orElseThrow(() -> new NotFoundException("inventory_template", templateId));
        TemplateForm clean = check(change.apply(before.toForm()), templateId);
        jdbc.sql("UPDATE inventory_templates SET item = :item, description = :description, icon = :icon, "
                        + "wholesale_cost = :wholesale, retail_cost = :retail, "
                        + IntStream.rangeClosed(1, TemplateForm.FIELDS)
                                .mapToObj(n -> "itemtext" + n + "_label = :label" + n).collect(Collectors.joining(", "))
                        + ", allow_staff_dropdown = :staff, allow_customer_dropdown = :customer, enabled = :enabled, "
                        + "last_modified = :now WHERE inventory_template_id = :id")
                .params(columns(clean)).param("now", Timestamp.from(clock.instant())).param("id", templateId).update();
        TemplateView after = load(templateId).orElseThrow();
        activity.record(ActivityRecord.of(ENTITY, templateId, null, "UPDATED", "Updated inventory template " + after.item())
                .withChanges(fields(before), fields(after)));
        return after;
    }

    @Override
    public void delete(long templateId) {
        access.write(InventoryAccess.DELETE_TEMPLATE);
        TemplateView before = jdbc.sql("SELECT * FROM inventory_templates WHERE inventory_template_id = :id FOR UPDATE")
                .param("id", templateId).query(JdbcInventoryTemplates::row).optional()
                .orElseThrow(() -> new NotFoundException("inventory_template", templateId));
        long items = jdbc.sql("SELECT count(*) FROM inventory WHERE inventory_template_id = :id").param("id", templateId)
                .query(Long.class).single();
        if (items > 0) {
            throw new ConflictException("inventory_template_id", "the template has " + items
                    + " items; disable it instead (enabled = false)");
        }
        jdbc.sql("DELETE FROM inventory_templates WHERE inventory_template_id = :id").param("id", templateId).update();
        activity.record(ActivityRecord.of(ENTITY, templateId, null, "DELETED", "Deleted inventory template " + before.item())
                .withChanges(fields(before), Map.of()));
    }

    private TemplateForm check(TemplateForm form, Long templateId) {
        var errors = new Errors();
        // the name is a reference key (A-INV-08): kept exactly as typed apart from surrounding blanks
        String item = Errors.clean(form.item());
        if (item == null) {
            errors.add("item", "must not be blank");
        } else {
            errors.max("item", item, 100);
            boolean taken = jdbc.sql("SELECT count(*) FROM inventory_templates WHERE item = :item"
                            + (templateId == null ? "" : " AND inventory_template_id <> :id"))
                    .param("item", item).param("id", templateId == null ? 0L : templateId).query(Long.class).single() > 0;
            if (taken) {
                errors.add("item", "another template is already named " + item);
            }
        }
        String description = Errors.clean(form.description());
        errors.max("description", description, 1000);
        String icon = Errors.clean(form.icon());
        errors.max("icon", icon, 100);
        errors.cost("wholesale_cost", form.wholesaleCost());
        errors.cost("retail_cost", form.retailCost());
        var labels = new ArrayList<String>();
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            String label = Errors.clean(form.labels().get(n - 1));
            if (label == null && n == 1) {
                label = "Model Number";
            } else if (label == null && n == 2) {
                label = "Serial Number";
            }
            errors.max("itemtext" + n + "_label", label, 100);
            labels.add(label);
        }
        if (form.labels().size() > TemplateForm.FIELDS) {
            errors.add("labels", "a template has at most " + TemplateForm.FIELDS + " fields");
        }
        errors.throwIfAny();
        return new TemplateForm(item, description, icon,
                form.wholesaleCost() == null ? BigDecimal.ZERO : form.wholesaleCost(),
                form.retailCost() == null ? BigDecimal.ZERO : form.retailCost(), labels, form.allowStaffDropdown(),
                form.allowCustomerDropdown(), form.enabled());
    }

    private Optional<TemplateView> load(long id) {
        return jdbc.sql("SELECT * FROM inventory_templates WHERE inventory_template_id = :id").param("id", id)
                .query(JdbcInventoryTemplates::row).optional();
    }

    private static String labelColumns() {
        return IntStream.rangeClosed(1, TemplateForm.FIELDS).mapToObj(n -> "itemtext" + n + "_label")
                .collect(Collectors.joining(", "));
    }

    private static String labelParams() {
        return IntStream.rangeClosed(1, TemplateForm.FIELDS).mapToObj(n -> ":label" + n).collect(Collectors.joining(", "));
    }

    private static Map<String, Object> columns(TemplateForm form) {
        var params = new HashMap<String, Object>();
        params.put("item", form.item());
        params.put("description", form.description());
        params.put("icon", form.icon());
        params.put("wholesale", form.wholesaleCost());
        params.put("retail", form.retailCost());
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            params.put("label" + n, form.labels().get(n - 1));
        }
        params.put("staff", form.allowStaffDropdown());
        params.put("customer", form.allowCustomerDropdown());
        params.put("enabled", form.enabled());
        return params;
    }

    static Map<String, Object> fields(TemplateView t) {
        var map = new LinkedHashMap<String, Object>();
        map.put("item", t.item());
        map.put("description", t.description());
        map.put("wholesale_cost", t.wholesaleCost());
        map.put("retail_cost", t.retailCost());
        map.putAll(t.labelFields());
        map.put("enabled", t.enabled());
        return map;
    }

    static TemplateView row(ResultSet rs, int n) throws SQLException {
        var labels = new ArrayList<String>();
        for (int i = 1; i <= TemplateForm.FIELDS; i++) {
            labels.add(rs.getString("itemtext" + i + "_label"));
        }
        return new TemplateView(rs.getLong("inventory_template_id"), rs.getString("item"), rs.getString("description"),
                rs.getString("icon"), rs.getBigDecimal("wholesale_cost"), rs.getBigDecimal("retail_cost"), labels,
                rs.getBoolean("allow_staff_dropdown"), rs.getBoolean("allow_customer_dropdown"),
                rs.getBoolean("enabled"), rs.getObject("created", OffsetDateTime.class).toInstant(),
                rs.getObject("last_modified", OffsetDateTime.class).toInstant());
    }
}
