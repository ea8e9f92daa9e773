package io.switchboard.inventory.internal;

import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.ItemView;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** The item rows: the SELECT with the template, the row mapper, the history appender and SQL helpers. */
@Component
class ItemRows {

    static final String FROM = " FROM inventory i JOIN inventory_templates t ON t.inventory_template_id = i.inventory_template_id";
    static final String SELECT = "SELECT i.*, t.item AS template_item, "
            + java.util.stream.IntStream.rangeClosed(1, TemplateForm.FIELDS)
                    .mapToObj(n -> "t.itemtext" + n + "_label").collect(Collectors.joining(", ")) + FROM;

    private final JdbcClient jdbc;

    ItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ItemView load(long id) {
        return jdbc.sql(SELECT + " WHERE i.inventory_id = :id").param("id", id).query(ItemRows::row).single();
    }

    void history(long inventoryId, @Nullable InventoryState from, InventoryState to, String actor,
            @Nullable String reason, @Nullable String runId, Instant at) {
        jdbc.sql("""
                INSERT INTO inventory_state_history (inventory_id, from_state, to_state, actor, reason, run_id, changed_at)
                VALUES (:id, :from, :to, :actor, :reason, :run, :at)""")
                .param("id", inventoryId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor).param("reason", reason).param("run", runId).param("at", Timestamp.from(at))
                .update();
    }

    static ItemView row(ResultSet rs, int n) throws SQLException {
        var texts = new ArrayList<String>();
        var labels = new ArrayList<String>();
        for (int i = 1; i <= TemplateForm.FIELDS; i++) {
            texts.add(rs.getString("itemtext" + i));
            labels.add(rs.getString("itemtext" + i + "_label"));
        }
        return new ItemView(rs.getLong("inventory_id"), rs.getLong("inventory_template_id"),
                rs.getString("template_item"), rs.getString("serial"), InventoryState.valueOf(rs.getString("item_state")),
                texts, labels, rs.getString("item_location"), rs.getString("address_line_1"),
                rs.getString("address_line_2"), rs.getString("city"), rs.getString("state"), rs.getString("zip_code"),
                rs.getString("country"), nullableDouble(rs, "latitude"), nullableDouble(rs, "longitude"),
                rs.getString("management_url"), rs.getBigDecimal("wholesale_cost"), rs.getBigDecimal("retail_cost"),
                rs.getString("inventory_notes"), nullableLong(rs, "customer_id"), nullableLong(rs, "service_id"),
                instant(rs, "sold_date"), rs.getString("reserved_by_run"), instant(rs, "reservation_expires"),
                instant(rs, "created"), instant(rs, "last_modified"));
    }

    @Nullable
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Nullable
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    @Nullable
    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static String orderAndPage(PageQuery query, Map<String, String> sortable, String defaultSort, String tieBreaker,
            Map<String, Object> params) {
        Pageable pageable = query.toPageable(sortable, sortable.get(defaultSort));
        String order = pageable.getSort().stream()
                .map(o -> o.getProperty() + (o.isDescending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", "));
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return " ORDER BY " + order + ", " + tieBreaker + (query.descending() ? " DESC" : " ASC")
                + " LIMIT :limit OFFSET :offset";
    }
}
