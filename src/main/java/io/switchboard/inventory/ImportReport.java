package io.switchboard.inventory;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The result of a CSV import: {@code imported} is true only when every row was valid and not a dry run; then
 * {@code accepted} items exist. Otherwise nothing was written and {@code rejected} lists why (line 1 = header).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportReport(boolean dryRun, boolean imported, int rows, int accepted, List<Rejection> rejected) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rejection(int line, String field, String reason) {}
}
