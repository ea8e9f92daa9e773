package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.CREATE_TAG;
import static io.switchboard.customer.internal.Permissions.DELETE_TAG;
import static io.switchboard.customer.internal.Permissions.UPDATE_TAG;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_TAG;
import static io.switchboard.customer.internal.Permissions.VIEW_TAG;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.customer.CustomerTags;
import io.switchboard.customer.TagForm;
import io.switchboard.customer.TagView;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcCustomerTags implements CustomerTags {

    private static final String SELECT = "SELECT t.* FROM customer_tag t JOIN customer c ON c.customer_id = t.customer_id";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerRows customers;
    private final FormValidation validation;
    private final ActivityLog activity;
    private final Clock clock = Clock.systemUTC();

    JdbcCustomerTags(JdbcClient jdbc, CustomerAccess access, CustomerRows customers, FormValidation validation,
            ActivityLog activity) {
        this.jdbc = jdbc;
        this.access = access;
        this.customers = customers;
        this.validation = validation;
        this.activity = activity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TagView> find(long tagId) {
        return select(tagId, access.read(VIEW_TAG, VIEW_OWN_TAG), false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TagView> forCustomer(long customerId, boolean activeOnly) {
        Scope scope = access.read(VIEW_TAG, VIEW_OWN_TAG);
        customers.requireVisible(customerId, scope);
        String window = activeOnly ? " AND t.tag_active_date <= :now AND t.tag_deactivate_date > :now" : "";
        return jdbc.sql(SELECT + " WHERE t.customer_id = :id" + window + " ORDER BY t.tag_active_date, t.tag_id")
                .param("id", customerId).param("now", now())
                .query(this::row).list();
    }

    @Override
    public TagView create(TagForm form) {
        Scope scope = access.write(CREATE_TAG);
        TagForm filled = new TagForm(form.customerId(), form.tagText(), form.tagHexColor(), form.tagLink(),
                form.tagActiveDate() == null ? now() : form.tagActiveDate(),
                form.tagDeactivateDate() == null ? TagForm.DEFAULT_DEACTIVATE_DATE : form.tagDeactivateDate());
        TagForm clean = validate(filled);
        customers.lockForChildWrite(clean.customerId(), scope);
        var stamp = Sql.timestamp(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO customer_tag (customer_id, tag_text, tag_hex_color, tag_link, tag_active_date,
                    tag_deactivate_date, created, last_modified)
                VALUES (:customer, :text, :color, :link, :active, :deactivate, :now, :now)
                RETURNING tag_id""")
                .params(columns(clean)).param("now", stamp).query(Long.class).single();
        TagView created = load(id);
        activity.record(ActivityRecord.of(CustomerActivity.TAG, id, created.customerId(), "CREATED",
                "Tagged the customer " + created.tagText()).withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public TagView update(long tagId, UnaryOperator<TagForm> change) {
        Scope scope = access.write(UPDATE_TAG);
        TagView before = select(tagId, scope, true).orElseThrow(() -> new NotFoundException("tag", tagId));
        customers.lockForChildWrite(before.customerId(), scope);
        TagForm form = change.apply(before.toForm());
        if (!Objects.equals(form.customerId(), before.customerId())) {
            throw InvalidInputException.unprocessable("customer_id", "a tag cannot move to another customer");
        }
        TagForm clean = validate(form);
        if (clean.equals(before.toForm())) {
            return before;
        }
        jdbc.sql("""
                UPDATE customer_tag SET tag_text = :text, tag_hex_color = :color, tag_link = :link,
                    tag_active_date = :active, tag_deactivate_date = :deactivate, last_modified = :now
                WHERE tag_id = :id""")
                .params(columns(clean)).param("now", Sql.timestamp(clock.instant())).param("id", tagId).update();
        TagView after = load(tagId);
        activity.record(ActivityRecord.of(CustomerActivity.TAG, tagId, after.customerId(), "UPDATED",
                "Updated tag " + after.tagText()).withChanges(fields(before), fields(after)));
        return after;
    }

    @Override
    public void delete(long tagId) {
        Scope scope = access.write(DELETE_TAG);
        TagView before = select(tagId, scope, true).orElseThrow(() -> new NotFoundException("tag", tagId));
        customers.lockForChildWrite(before.customerId(), scope);
        jdbc.sql("DELETE FROM customer_tag WHERE tag_id = :id").param("id", tagId).update();
        activity.record(ActivityRecord.of(CustomerActivity.TAG, tagId, before.customerId(), "DELETED",
                "Removed tag " + before.tagText()).withChanges(fields(before), Map.of()));
    }

    private TagForm validate(TagForm form) {
        String color = form.tagHexColor() == null ? null
                : form.tagHexColor().trim().replaceFirst("^#", "").toUpperCase(Locale.ROOT);
        var clean = new TagForm(form.customerId(), form.tagText() == null ? null : form.tagText().trim(), color,
                Sql.clean(form.tagLink()), truncate(form.tagActiveDate()), truncate(form.tagDeactivateDate()));
        var errors = validation.check(clean);
        if (color != null && !errors.has("tag_hex_color") && !color.matches("[0-9A-F]{6}")) {
            errors.add("tag_hex_color", "must be six hex digits such as FFD700");
        }
        if (clean.tagLink() != null && !errors.has("tag_link") && !isWebLink(clean.tagLink())) {
            errors.add("tag_link", "must be an http or https URL");
        }
        if (clean.tagActiveDate() == null) {
            errors.add("tag_active_date", "must not be null");
        }
        if (clean.tagDeactivateDate() == null) {
            errors.add("tag_deactivate_date", "must not be null");
        }
        if (clean.tagActiveDate() != null && clean.tagDeactivateDate() != null
                && !clean.tagDeactivateDate().isAfter(clean.tagActiveDate())) {
            errors.add("tag_deactivate_date", "must be after tag_active_date");
        }
        errors.throwIfAny();
        return clean;
    }

    private static boolean isWebLink(String link) {
        try {
            var uri = new URI(link);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Nullable
    private static LocalDateTime truncate(@Nullable LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    private Optional<TagView> select(long tagId, Scope scope, boolean forUpdate) {
        var params = new HashMap<String, Object>();
        params.put("id", tagId);
        return jdbc.sql(SELECT + " WHERE t.tag_id = :id" + scope.condition("c", params)
                        + (forUpdate ? " FOR UPDATE OF t" : ""))
                .params(params).query(this::row).optional();
    }

    private TagView load(long tagId) {
        return jdbc.sql(SELECT + " WHERE t.tag_id = :id").param("id", tagId).query(this::row).single();
    }

    private static Map<String, Object> columns(TagForm form) {
        var params = new HashMap<String, Object>();
        params.put("customer", form.customerId());
        params.put("text", form.tagText());
        params.put("color", form.tagHexColor());
        params.put("link", form.tagLink());
        params.put("active", form.tagActiveDate());
        params.put("deactivate", form.tagDeactivateDate());
        return params;
    }

    private static Map<String, Object> fields(TagView t) {
        var map = new LinkedHashMap<String, Object>();
        map.put("tag_text", t.tagText());
        map.put("tag_hex_color", t.tagHexColor());
        map.put("tag_link", t.tagLink());
        map.put("tag_active_date", t.tagActiveDate());
        map.put("tag_deactivate_date", t.tagDeactivateDate());
        return map;
    }

    private TagView row(ResultSet rs, int n) throws SQLException {
        var active = rs.getObject("tag_active_date", LocalDateTime.class);
        var deactivate = rs.getObject("tag_deactivate_date", LocalDateTime.class);
        var now = now();
        return new TagView(rs.getLong("tag_id"), rs.getLong("customer_id"), rs.getString("tag_text"),
                rs.getString("tag_hex_color"), rs.getString("tag_link"), active, deactivate,
                !now.isBefore(active) && now.isBefore(deactivate), Sql.instant(rs, "created"),
                Sql.instant(rs, "last_modified"));
    }
}
