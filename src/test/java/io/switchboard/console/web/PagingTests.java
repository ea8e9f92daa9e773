package io.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

class PagingTests {

    static Paging page(int number, int size, long total) {
        int onPage = (int) Math.max(0, Math.min(size, total - (long) (number - 1) * size));
        return Paging.of(new PageImpl<>(Collections.nCopies(onPage, "x"), PageRequest.of(number - 1, size), total));
    }

    @Test
    void aShortListHasOnePageAndNoPager() {
        var paging = page(1, 25, 3);
        assertThat(paging.needed()).isFalse();
        assertThat(paging.firstItem()).isEqualTo(1);
        assertThat(paging.lastItem()).isEqualTo(3);
        assertThat(paging.numbers()).containsExactly(1);
    }

    @Test
    void anEmptyListShowsNothing() {
        var paging = page(1, 25, 0);
        assertThat(paging.firstItem()).isZero();
        assertThat(paging.lastItem()).isZero();
        assertThat(paging.totalPages()).isEqualTo(1);
        assertThat(paging.hasNext()).isFalse();
    }

    @Test
    void farPagesAreLeftOutAroundTheCurrentOne() {
        assertThat(page(10, 10, 200).numbers()).containsExactly(1, 0, 9, 10, 11, 0, 20);
        assertThat(page(1, 10, 200).numbers()).containsExactly(1, 2, 3, 4, 0, 20);
        assertThat(page(20, 10, 200).numbers()).containsExactly(1, 0, 17, 18, 19, 20);
        assertThat(page(3, 10, 50).numbers()).isEqualTo(List.of(1, 2, 3, 4, 5));
    }

    @Test
    void theRangeNamesTheItemsOnThePage() {
        var paging = page(2, 20, 45);
        assertThat(paging.firstItem()).isEqualTo(21);
        assertThat(paging.lastItem()).isEqualTo(40);
        assertThat(paging.hasPrevious()).isTrue();
        assertThat(paging.hasNext()).isTrue();
        var last = page(3, 20, 45);
        assertThat(last.firstItem()).isEqualTo(41);
        assertThat(last.lastItem()).isEqualTo(45);
        assertThat(last.hasNext()).isFalse();
    }
}
