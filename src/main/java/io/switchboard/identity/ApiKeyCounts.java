package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The figures above the key list (A-APIK-05), over the keys the caller may see. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyCounts(long total, long active, long expiringSoon, long expired, long revoked) {}
