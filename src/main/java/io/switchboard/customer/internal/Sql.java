package io.switchboard.customer.internal;

import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.lang.Nullable;

/** Small SQL helpers shared by this module's tables. */
final class Sql {

    private Sql() {}

    /** A case-insensitive substring pattern for {@code ILIKE ... ESCAPE '\'}, with % and _ taken literally. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * {@code ORDER BY ... LIMIT ... OFFSET ...} for a page. {@code sortable} maps the API's sort names to
     * columns; {@code tieBreaker} keeps pages stable when the sort column has duplicates.
     */
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

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    @Nullable
    static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Nullable
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Blank text as {@code null}, other text trimmed: optional fields are either meaningful or absent. */
    @Nullable
    static String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
