package io.switchboard.inventory.internal;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.ItemSearch;
import io.switchboard.inventory.ItemView;
import io.switchboard.inventory.StateChange;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcInventoryItems implements InventoryItems {

    static final String ENTITY = "inventory";
    private static final Map<String, String> SORTABLE = Map.of(
            "inventory_id", "i.inventory_id",
            "item", "lower(t.item)",
            "serial", "lower(i.serial)",
            "item_state", "i.item_state",
            "item_location", "lower(i.item_location)",
            "customer_id", "i.customer_id",
            "created", "i.created",
            "last_modified", "i.last_modified");
    private static final String TEXT_COLUMNS = IntStream.rangeClosed(1, TemplateForm.FIELDS)
            .mapToObj(n -> "itemtext" + n).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final InventoryAccess access;
    private final ItemRows rows;
    private final ActivityLog activity;
    private final Clock clock = Clock.systemUTC();

    JdbcInventoryItems(JdbcClient jdbc, InventoryAccess access, ItemRows rows, ActivityLog activity) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.activity = activity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ItemView> find(long inventoryId) {
        var params = new HashMap<String, Object>();
        params.put("id", inventoryId);
        return jdbc.sql(ItemRows.SELECT + " WHERE i.inventory_id = :id" + access.itemCondition("i", params))
                .params(params).query(ItemRows::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ItemView> search(ItemSearch filter, PageQuery page) {
        var params = new HashMap<String, Object>();
        String where = where(filter, page.search(), params);
        long total = jdbc.sql("SELECT count(*)" + ItemRows.FROM + where).params(params).query(Long.class).single();
        String paging = ItemRows.orderAndPage(page, SORTABLE, "inventory_id", "i.inventory_id", params);
        var list = jdbc.sql(ItemRows.SELECT + where + paging).params(params).query(ItemRows::row).list();
        return new PageImpl<>(list, PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    /** The WHERE clause of a filtered list, scoped to the reader (also used by the CSV export). */
    String where(ItemSearch filter, @Nullable String search, Map<String, Object> params) {
        var where = new StringBuilder(" WHERE TRUE").append(access.itemCondition("i", params));
        if (filter.templateId() != null) {
            where.append(" AND i.inventory_template_id = :template_id");
            params.put("template_id", filter.templateId());
        }
        if (filter.templateName() != null) {
            where.append(" AND t.item = :template_name");
            params.put("template_name", filter.templateName());
        }
        if (filter.state() != null) {
            where.append(" AND i.item_state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.customerId() != null) {
            where.append(" AND i.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.serial() != null) {
            where.append(" AND i.serial = :serial");
            params.put("serial", filter.serial());
        }
        if (filter.withCoordinates()) {
            where.append(" AND i.latitude IS NOT NULL");
        }
        if (search != null) {
            where.append(" AND (i.serial ILIKE :search ESCAPE '\\' OR t.item ILIKE :search ESCAPE '\\'"
                    + " OR i.item_location ILIKE :search ESCAPE '\\' OR i.inventory_notes ILIKE :search ESCAPE '\\'"
                    + " OR i.city ILIKE :search ESCAPE '\\' OR i.itemtext1 ILIKE :search ESCAPE '\\'"
                    + " OR i.itemtext2 ILIKE :search ESCAPE '\\' OR i.itemtext3 ILIKE :search ESCAPE '\\')");
            params.put("search", ItemRows.contains(search));
        }
        return where.toString();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemView> available(String templateName, int limit) {
        if (access.readItems() != null) {
            return List.of(); // stock is staff business: customer users only ever see their own items
        }
        return jdbc.sql(ItemRows.SELECT + " WHERE t.item = :name AND t.enabled AND i.item_state IN ('NEW', 'IN_STOCK')"
                        + " AND i.customer_id IS NULL AND i.service_id IS NULL ORDER BY i.inventory_id LIMIT :limit")
                .param("name", templateName).param("limit", Math.max(1, Math.min(limit, 500)))
                .query(ItemRows::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ItemForm check(ItemForm form, @Nullable Long inventoryId) {
        var errors = new Errors();
        ItemForm clean = check(form, inventoryId, errors);
        errors.throwIfAny();
        return clean;
    }

    /** Validates into {@code errors}; returns the cleaned form (meaningful only when no error was added). */
    ItemForm check(ItemForm form, @Nullable Long inventoryId, Errors errors) {
        TemplateView template = null;
        if (form.inventoryTemplateId() == null) {
            errors.add("inventory_template_id", "must name a template");
        } else {
            template = jdbc.sql("SELECT * FROM inventory_templates WHERE inventory_template_id = :id")
                    .param("id", form.inventoryTemplateId()).query(JdbcInventoryTemplates::row).optional().orElse(null);
            if (template == null) {
                errors.add("inventory_template_id", "no template " + form.inventoryTemplateId());
            } else if (inventoryId == null && !template.enabled()) {
                errors.add("inventory_template_id", "the template " + template.item() + " is disabled");
            }
        }
        String serial = Errors.clean(form.serial());
        if (serial == null) {
            errors.add("serial", "must not be blank");
        } else {
            errors.max("serial", serial, 200);
            if (template != null && jdbc.sql("SELECT count(*) FROM inventory WHERE inventory_template_id = :t"
                            + " AND serial = :serial AND inventory_id <> :id")
                    .param("t", template.inventoryTemplateId()).param("serial", serial)
                    .param("id", inventoryId == null ? 0L : inventoryId).query(Long.class).single() > 0) {
                errors.add("serial", "another " + template.item() + " already has the serial " + serial);
            }
        }
        var texts = new ArrayList<String>();
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            String text = Errors.clean(form.texts().get(n - 1));
            errors.max("itemtext" + n, text, 500);
            if (text != null && template != null && template.label(n) == null) {
                errors.add("itemtext" + n, "the template " + template.item() + " has no field " + n);
            }
            texts.add(text);
        }
        String location = Errors.clean(form.itemLocation());
        errors.max("item_location", location, 200);
        errors.max("address_line_1", Errors.clean(form.addressLine1()), 200);
        errors.max("address_line_2", Errors.clean(form.addressLine2()), 200);
        errors.max("city", Errors.clean(form.city()), 100);
        errors.max("state", Errors.clean(form.state()), 100);
        errors.max("zip_code", Errors.clean(form.zipCode()), 20);
        errors.max("country", Errors.clean(form.country()), 60);
        errors.max("management_url", Errors.clean(form.managementUrl()), 1000);
        errors.max("inventory_notes", Errors.clean(form.inventoryNotes()), 4000);
        if (form.latitude() != null && (form.latitude() < -90 || form.latitude() > 90 || form.latitude().isNaN())) {
            errors.add("latitude", "must be between -90 and 90");
        }
        if (form.longitude() != null && (form.longitude() < -180 || form.longitude() > 180 || form.longitude().isNaN())) {
            errors.add("longitude", "must be between -180 and 180");
        }
        if ((form.latitude() == null) != (form.longitude() == null)) {
            errors.add(form.latitude() == null ? "latitude" : "longitude", "latitude and longitude go together");
        }
        errors.cost("wholesale_cost", form.wholesaleCost());
        errors.cost("retail_cost", form.retailCost());
        InventoryState state = form.itemState() == null ? InventoryState.NEW : form.itemState();
        if (inventoryId == null && (state == InventoryState.RESERVED || state == InventoryState.ASSIGNED)) {
            errors.add("item_state", "a new item starts as New, In Stock, Returned, Damaged or Retired; it is "
                    + "reserved and assigned through provisioning or a state change");
        }
        return new ItemForm(form.inventoryTemplateId(), serial, state, texts, location,
                Errors.clean(form.addressLine1()), Errors.clean(form.addressLine2()), Errors.clean(form.city()),
                Errors.clean(form.state()), Errors.clean(form.zipCode()), Errors.clean(form.country()), form.latitude(),
                form.longitude(), Errors.clean(form.managementUrl()),
                form.wholesaleCost() != null || template == null ? form.wholesaleCost() : template.wholesaleCost(),
                form.retailCost() != null || template == null ? form.retailCost() : template.retailCost(),
                Errors.clean(form.inventoryNotes()));
    }

    @Override
    public ItemView create(ItemForm form) {
        Actor actor = access.write(InventoryAccess.CREATE);
        ItemForm clean = check(form, null);
        return insert(clean, actor, "Created");
    }

    /** Inserts a checked form, with its first history entry and the activity record. */
    ItemView insert(ItemForm clean, Actor actor, String reason) {
        Instant now = clock.instant();
        long id = jdbc.sql("INSERT INTO inventory (inventory_template_id, serial, item_state, " + TEXT_COLUMNS
                        + ", item_location, address_line_1, address_line_2, city, state, zip_code, country, latitude,"
                        + " longitude, management_url, wholesale_cost, retail_cost, inventory_notes, created, last_modified)"
                        + " VALUES (:template, :serial, :item_state, "
                        + IntStream.rangeClosed(1, TemplateForm.FIELDS).mapToObj(n -> ":text" + n).collect(Collectors.joining(", "))
                        + ", :location, :line1, :line2, :city, :state, :zip, :country, :lat, :lng, :url, :wholesale,"
                        + " :retail, :notes, :now, :now) RETURNING inventory_id")
                .params(columns(clean)).param("template", clean.inventoryTemplateId())
                .param("item_state", clean.itemState().name()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        rows.history(id, null, clean.itemState(), actor.username(), reason, null, now);
        ItemView created = rows.load(id);
        activity.record(ActivityRecord.of(ENTITY, id, null, "CREATED",
                "Added " + created.item() + " " + created.serial()).withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public ItemView update(long inventoryId, UnaryOperator<ItemForm> change) {
        access.write(InventoryAccess.UPDATE);
        ItemView before = lock(inventoryId);
        ItemForm form = change.apply(before.toForm());
        if (!Objects.equals(form.inventoryTemplateId(), before.inventoryTemplateId())) {
            throw InvalidInputException.unprocessable("inventory_template_id",
                    "an item keeps its template; create a new item of the other type instead");
        }
        ItemForm clean = check(form.withState(before.itemState()), inventoryId);
        jdbc.sql("UPDATE inventory SET serial = :serial, "
                        + IntStream.rangeClosed(1, TemplateForm.FIELDS).mapToObj(n -> "itemtext" + n + " = :text" + n)
                                .collect(Collectors.joining(", "))
                        + ", item_location = :location, address_line_1 = :line1, address_line_2 = :line2, city = :city,"
                        + " state = :state, zip_code = :zip, country = :country, latitude = :lat, longitude = :lng,"
                        + " management_url = :url, wholesale_cost = :wholesale, retail_cost = :retail,"
                        + " inventory_notes = :notes, last_modified = :now WHERE inventory_id = :id")
                .params(columns(clean)).param("now", Timestamp.from(clock.instant())).param("id", inventoryId).update();
        ItemView after = rows.load(inventoryId);
        var changes = ActivityRecord.of(ENTITY, inventoryId, after.customerId(), "UPDATED",
                "Updated " + after.item() + " " + after.serial()).withChanges(fields(before), fields(after));
        activity.record(changes);
        return after;
    }

    @Override
    public ItemView changeState(long inventoryId, InventoryState target, @Nullable String reason,
            @Nullable Long customerId, @Nullable Long serviceId) {
        Actor actor = access.write(InventoryAccess.UPDATE);
        ItemView before = lock(inventoryId);
        InventoryState from = before.itemState();
        String why = Errors.clean(reason);
        if (why != null && why.length() > 1000) {
            throw InvalidInputException.of("reason", "must be at most 1000 characters");
        }
        if (from == InventoryState.RESERVED) {
            throw new ConflictException("item_state", "the item is reserved by provisioning run "
                    + before.reservedByRun() + "; the run confirms or releases it");
        }
        if (target == InventoryState.RESERVED) {
            throw new ConflictException("item_state", "items are reserved by a provisioning run, not by hand");
        }
        if (target != InventoryState.ASSIGNED && (customerId != null || serviceId != null)) {
            throw InvalidInputException.unprocessable(customerId != null ? "customer_id" : "service_id",
                    "is set only when assigning the item (item_state Assigned)");
        }
        if (from == target && target != InventoryState.ASSIGNED) {
            return before;
        }
        if (from != target && !from.canMoveTo(target)) {
            throw new ConflictException("item_state", "cannot change from " + from.label() + " to " + target.label()
                    + "; allowed: " + from.manualNext().stream().map(InventoryState::label).toList());
        }
        Instant now = clock.instant();
        if (target == InventoryState.ASSIGNED) {
            Long customer = customerId != null ? customerId : before.customerId();
            if (customer == null) {
                throw InvalidInputException.of("customer_id", "is required to assign an item");
            }
            requireCustomer(customer);
            Long service = serviceId != null ? serviceId : (from == target ? before.serviceId() : null);
            jdbc.sql("UPDATE inventory SET item_state = 'ASSIGNED', customer_id = :customer, service_id = :service,"
                            + " sold_date = COALESCE(CASE WHEN item_state = 'ASSIGNED' THEN sold_date END, :now),"
                            + " last_modified = :now WHERE inventory_id = :id")
                    .param("customer", customer).param("service", service).param("now", Timestamp.from(now))
                    .param("id", inventoryId).update();
        } else {
            jdbc.sql("UPDATE inventory SET item_state = :state, customer_id = NULL, service_id = NULL,"
                            + " last_modified = :now WHERE inventory_id = :id")
                    .param("state", target.name()).param("now", Timestamp.from(now)).param("id", inventoryId).update();
        }
        if (from != target) {
            rows.history(inventoryId, from, target, actor.username(), why, null, now);
        }
        ItemView after = rows.load(inventoryId);
        activity.record(ActivityRecord.of(ENTITY, inventoryId,
                        after.customerId() != null ? after.customerId() : before.customerId(), "STATE_CHANGED",
                        after.item() + " " + after.serial() + ": " + from.label() + " → " + target.label()
                                + (why == null ? "" : " (" + (why.length() > 300 ? why.substring(0, 300) + "…" : why) + ")"))
                .withChanges(fields(before), fields(after)));
        return after;
    }

    @Override
    public ItemView patch(long inventoryId, UnaryOperator<ItemForm> change, @Nullable InventoryState target,
            @Nullable String reason, @Nullable Long customerId, @Nullable Long serviceId) {
        ItemView before = find(inventoryId).orElseThrow(() -> new NotFoundException("inventory", inventoryId));
        ItemForm form = change.apply(before.toForm());
        ItemView after = form.equals(before.toForm()) ? before : update(inventoryId, current -> form);
        if (target != null) {
            after = changeState(inventoryId, target, reason, customerId, serviceId);
        } else if (customerId != null || serviceId != null) {
            after = changeState(inventoryId, before.itemState(), reason, customerId, serviceId);
        }
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StateChange> history(long inventoryId) {
        find(inventoryId).orElseThrow(() -> new NotFoundException("inventory", inventoryId));
        return jdbc.sql("SELECT * FROM inventory_state_history WHERE inventory_id = :id ORDER BY history_id")
                .param("id", inventoryId)
                .query((rs, n) -> new StateChange(rs.getString("from_state") == null ? null
                        : InventoryState.valueOf(rs.getString("from_state")),
                        InventoryState.valueOf(rs.getString("to_state")), rs.getString("actor"), rs.getString("reason"),
                        rs.getString("run_id"), ItemRows.instant(rs, "changed_at")))
                .list();
    }

    @Override
    public void delete(long inventoryId) {
        access.write(InventoryAccess.DELETE);
        ItemView before = lock(inventoryId);
        if (!before.itemState().deletable()) {
            throw new ConflictException("item_state", "an item that is " + before.itemState().label()
                    + " cannot be deleted; release or retire it first");
        }
        jdbc.sql("DELETE FROM inventory WHERE inventory_id = :id").param("id", inventoryId).update();
        activity.record(ActivityRecord.of(ENTITY, inventoryId, null, "DELETED",
                "Deleted " + before.item() + " " + before.serial()).withChanges(fields(before), Map.of()));
    }

    private ItemView lock(long inventoryId) {
        return jdbc.sql(ItemRows.SELECT + " WHERE i.inventory_id = :id FOR UPDATE OF i").param("id", inventoryId)
                .query(ItemRows::row).optional().orElseThrow(() -> new NotFoundException("inventory", inventoryId));
    }

    void requireCustomer(long customerId) {
        if (jdbc.sql("SELECT count(*) FROM customer WHERE customer_id = :id").param("id", customerId)
                .query(Long.class).single() == 0) {
            throw InvalidInputException.of("customer_id", "no customer " + customerId);
        }
    }

    private static Map<String, Object> columns(ItemForm form) {
        var params = new HashMap<String, Object>();
        params.put("serial", form.serial());
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            params.put("text" + n, form.texts().get(n - 1));
        }
        params.put("location", form.itemLocation());
        params.put("line1", form.addressLine1());
        params.put("line2", form.addressLine2());
        params.put("city", form.city());
        params.put("state", form.state());
        params.put("zip", form.zipCode());
        params.put("country", form.country());
        params.put("lat", form.latitude());
        params.put("lng", form.longitude());
        params.put("url", form.managementUrl());
        params.put("wholesale", form.wholesaleCost());
        params.put("retail", form.retailCost());
        params.put("notes", form.inventoryNotes());
        return params;
    }

    static Map<String, Object> fields(ItemView item) {
        var map = new LinkedHashMap<String, Object>();
        map.put("serial", item.serial());
        map.put("item_state", item.itemState().label());
        map.putAll(item.textFields());
        map.put("item_location", item.itemLocation());
        map.put("latitude", item.latitude());
        map.put("longitude", item.longitude());
        map.put("management_url", item.managementUrl());
        map.put("customer_id", item.customerId());
        map.put("service_id", item.serviceId());
        map.put("inventory_notes", item.inventoryNotes());
        return map;
    }
}
