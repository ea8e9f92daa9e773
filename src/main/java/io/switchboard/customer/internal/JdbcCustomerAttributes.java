package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.CREATE_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.DELETE_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.UPDATE_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.VIEW_ATTRIBUTE;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_ATTRIBUTE;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.AttributeForm;
import io.switchboard.customer.AttributeView;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.customer.CustomerAttributes;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcCustomerAttributes implements CustomerAttributes {

    private static final String SELECT =
            "SELECT a.* FROM customer_attribute a JOIN customer c ON c.customer_id = a.customer_id";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerRows customers;
    private final FormValidation validation;
    private final ActivityLog activity;
    private final Clock clock = Clock.systemUTC();

    JdbcCustomerAttributes(JdbcClient jdbc, CustomerAccess access, CustomerRows customers, FormValidation validation,
            ActivityLog activity) {
        this.jdbc = jdbc;
        this.access = access;
        this.customers = customers;
        this.validation = validation;
        this.activity = activity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AttributeView> find(long attributeId) {
        return select(attributeId, access.read(VIEW_ATTRIBUTE, VIEW_OWN_ATTRIBUTE), false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AttributeView> find(long customerId, String attributeName) {
        Scope scope = access.read(VIEW_ATTRIBUTE, VIEW_OWN_ATTRIBUTE);
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        params.put("name", attributeName);
        return jdbc.sql(SELECT + " WHERE a.customer_id = :id AND a.attribute_name = :name"
                        + scope.condition("c", params))
                .params(params).query(JdbcCustomerAttributes::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttributeView> forCustomer(long customerId) {
        Scope scope = access.read(VIEW_ATTRIBUTE, VIEW_OWN_ATTRIBUTE);
        customers.requireVisible(customerId, scope);
        return jdbc.sql(SELECT + " WHERE a.customer_id = :id ORDER BY a.attribute_name").param("id", customerId)
                .query(JdbcCustomerAttributes::row).list();
    }

    @Override
    public AttributeView put(AttributeForm form) {
        Scope scope = access.write(CREATE_ATTRIBUTE);
        AttributeForm clean = validate(form);
        customers.lockForChildWrite(clean.customerId(), scope);
        // two concurrent first PUTs of one name: the loser hits the unique constraint and gets a 409
        Optional<AttributeView> existing = jdbc.sql(SELECT
                        + " WHERE a.customer_id = :id AND a.attribute_name = :name FOR UPDATE OF a")
                .param("id", clean.customerId()).param("name", clean.attributeName())
                .query(JdbcCustomerAttributes::row).optional();
        if (existing.isPresent()) {
            return write(existing.get(), clean);
        }
        var now = Sql.timestamp(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO customer_attribute (customer_id, attribute_name, attribute_value, created, last_modified)
                VALUES (:customer, :name, :value, :now, :now)
                RETURNING attribute_id""")
                .param("customer", clean.customerId()).param("name", clean.attributeName())
                .param("value", clean.attributeValue()).param("now", now)
                .query(Long.class).single();
        AttributeView created = load(id);
        activity.record(ActivityRecord.of(CustomerActivity.ATTRIBUTE, id, created.customerId(), "CREATED",
                "Set attribute " + created.attributeName()).withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public AttributeView update(long attributeId, UnaryOperator<AttributeForm> change) {
        Scope scope = access.write(UPDATE_ATTRIBUTE);
        AttributeView before = select(attributeId, scope, true)
                .orElseThrow(() -> new NotFoundException("attribute", attributeId));
        customers.lockForChildWrite(before.customerId(), scope);
        AttributeForm form = change.apply(before.toForm());
        if (!Objects.equals(form.customerId(), before.customerId())) {
            throw InvalidInputException.unprocessable("customer_id",
                    "attribute " + attributeId + " belongs to customer " + before.customerId());
        }
        AttributeForm clean = validate(form);
        if (!clean.attributeName().equals(before.attributeName())) {
            boolean taken = jdbc.sql("SELECT count(*) FROM customer_attribute WHERE customer_id = :id AND attribute_name = :name")
                    .param("id", before.customerId()).param("name", clean.attributeName())
                    .query(Long.class).single() > 0;
            if (taken) {
                throw new ConflictException("attribute_name",
                        "customer " + before.customerId() + " already has an attribute " + clean.attributeName());
            }
        }
        return write(before, clean);
    }

    @Override
    public void delete(long attributeId) {
        Scope scope = access.write(DELETE_ATTRIBUTE);
        AttributeView before = select(attributeId, scope, true)
                .orElseThrow(() -> new NotFoundException("attribute", attributeId));
        customers.lockForChildWrite(before.customerId(), scope);
        jdbc.sql("DELETE FROM customer_attribute WHERE attribute_id = :id").param("id", attributeId).update();
        activity.record(ActivityRecord.of(CustomerActivity.ATTRIBUTE, attributeId, before.customerId(), "DELETED",
                "Deleted attribute " + before.attributeName()).withChanges(fields(before), Map.of()));
    }

    private AttributeView write(AttributeView before, AttributeForm form) {
        if (form.equals(before.toForm())) {
            return before;
        }
        jdbc.sql("""
                UPDATE customer_attribute SET attribute_name = :name, attribute_value = :value, last_modified = :now
                WHERE attribute_id = :id""")
                .param("name", form.attributeName()).param("value", form.attributeValue())
                .param("now", Sql.timestamp(clock.instant())).param("id", before.attributeId()).update();
        AttributeView after = load(before.attributeId());
        activity.record(ActivityRecord.of(CustomerActivity.ATTRIBUTE, after.attributeId(), after.customerId(),
                "UPDATED", "Changed attribute " + after.attributeName()).withChanges(fields(before), fields(after)));
        return after;
    }

    private AttributeForm validate(AttributeForm form) {
        var clean = new AttributeForm(form.customerId(),
                form.attributeName() == null ? null : form.attributeName().trim(), form.attributeValue());
        validation.check(clean).throwIfAny();
        return clean;
    }

    private Optional<AttributeView> select(long attributeId, Scope scope, boolean forUpdate) {
        var params = new HashMap<String, Object>();
        params.put("id", attributeId);
        return jdbc.sql(SELECT + " WHERE a.attribute_id = :id" + scope.condition("c", params)
                        + (forUpdate ? " FOR UPDATE OF a" : ""))
                .params(params).query(JdbcCustomerAttributes::row).optional();
    }

    private AttributeView load(long attributeId) {
        return jdbc.sql(SELECT + " WHERE a.attribute_id = :id").param("id", attributeId)
                .query(JdbcCustomerAttributes::row).single();
    }

    private static Map<String, Object> fields(AttributeView a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("attribute_name", a.attributeName());
        map.put("attribute_value", a.attributeValue());
        return map;
    }

    private static AttributeView row(ResultSet rs, int n) throws SQLException {
        return new AttributeView(rs.getLong("attribute_id"), rs.getLong("customer_id"), rs.getString("attribute_name"),
                rs.getString("attribute_value"), Sql.instant(rs, "created"), Sql.instant(rs, "last_modified"));
    }
}
