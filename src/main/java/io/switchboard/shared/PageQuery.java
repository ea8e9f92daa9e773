package io.switchboard.shared;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The list contract of every {@code /crm} collection: {@code page} (from 1), {@code per_page} (1..100),
 * {@code sort} (a field of the listed resource), {@code order} (asc|desc), {@code search} (free text).
 */
public record PageQuery(int page, int perPage, @org.springframework.lang.Nullable String sort, boolean descending,
        @org.springframework.lang.Nullable String search) {

    public static final int MAX_PER_PAGE = 100;

    public static PageQuery of(Integer page, Integer perPage, String sort, String order, String search) {
        int p = page == null ? 1 : page;
        int pp = perPage == null ? 10 : perPage;
        if (p < 1) {
            throw InvalidInputException.of("page", "must be 1 or more");
        }
        if (pp < 1 || pp > MAX_PER_PAGE) {
            throw InvalidInputException.of("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        boolean desc = false;
        if (order != null && !order.isBlank()) {
            if (order.equalsIgnoreCase("desc")) {
                desc = true;
            } else if (!order.equalsIgnoreCase("asc")) {
                throw InvalidInputException.of("order", "must be asc or desc");
            }
        }
        if (search != null && search.length() > 200) {
            throw InvalidInputException.of("search", "must be at most 200 characters");
        }
        return new PageQuery(p, pp, sort == null || sort.isBlank() ? null : sort, desc,
                search == null || search.isBlank() ? null : search.trim());
    }

    /**
     * Spring Data paging for this query. {@code sortable} maps the API's field names to entity properties;
     * an unknown sort field is a 400 naming {@code sort}.
     */
    public Pageable toPageable(java.util.Map<String, String> sortable, String defaultSort) {
        String property = defaultSort;
        if (sort != null) {
            property = sortable.get(sort);
            if (property == null) {
                throw InvalidInputException.of("sort", "must be one of " + Set.copyOf(sortable.keySet()));
            }
        }
        var direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
        return PageRequest.of(page - 1, perPage, Sort.by(direction, property));
    }
}
