package io.switchboard.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a {@code /crm} list: {@code {"data": [...], "pagination": {...}}}, the guide's shape. */
public record ApiPage<T>(List<T> data, Pagination pagination) {

    public static <E, T> ApiPage<T> of(Page<E> page, Function<E, T> mapper) {
        return new ApiPage<>(page.getContent().stream().map(mapper).toList(),
                new Pagination(page.getNumber() + 1, page.getSize(), page.getTotalPages(), page.getTotalElements()));
    }

    public record Pagination(
            @JsonProperty("current_page") int currentPage,
            @JsonProperty("per_page") int perPage,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("total_items") long totalItems) {}
}
