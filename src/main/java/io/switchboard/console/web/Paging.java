package io.switchboard.console.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;

/**
 * What a pager under a list shows ({@code fragments/ui :: pager}): "21–40 of 95" and the page numbers around the
 * current one, with the first and last always there and a {@code 0} where numbers are left out.
 *
 * @param current    the page shown, from 1
 * @param totalPages at least 1
 * @param totalItems the number of items in all pages
 * @param firstItem  the number of the first item on this page (0 when there are none)
 * @param lastItem   the number of the last item on this page
 * @param numbers    page numbers to offer, 0 marking a gap
 */
public record Paging(int current, int totalPages, long totalItems, long firstItem, long lastItem,
        List<Integer> numbers) {

    private static final int AROUND = 1;

    public static Paging of(Page<?> page) {
        int current = page.getNumber() + 1;
        int total = Math.max(1, page.getTotalPages());
        long first = page.getNumberOfElements() == 0 ? 0 : (long) page.getNumber() * page.getSize() + 1;
        long last = first == 0 ? 0 : first + page.getNumberOfElements() - 1;
        var numbers = new ArrayList<Integer>();
        for (int n = 1; n <= total; n++) {
            boolean shown = n == 1 || n == total || Math.abs(n - current) <= AROUND
                    || (current <= 3 && n <= 4) || (current >= total - 2 && n >= total - 3);
            if (shown) {
                numbers.add(n);
            } else if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return new Paging(current, total, page.getTotalElements(), first, last, List.copyOf(numbers));
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < totalPages;
    }

    /** True when there is more than one page to move between. */
    public boolean needed() {
        return totalPages > 1;
    }
}
