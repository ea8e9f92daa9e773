package io.switchboard.customer.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.activity.ActivityEntry;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.customer.GuideDateTime;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.PageQuery;
import java.time.Instant;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer's activity log, read-only: there is deliberately no write, edit or delete endpoint. */
@RestController
@Tag(name = "Activity log", description = "Every change to a customer's records, newest first (B-ACT); read-only")
class ActivityController {

    private final CustomerActivity activity;

    ActivityController(CustomerActivity activity) {
        this.activity = activity;
    }

    @GetMapping({"/crm/activity/customer_id/{customerId}", "/crm/customer/customer_id/{customerId}/activity"})
    @PreAuthorize("hasAnyAuthority('view_customer_activity','view_own_customer_activity')")
    @Operation(summary = "A customer's activity log", description = "Paged (page, per_page), newest first; entity_type "
            + "filters by kind of record (customer, customer_contact, customer_site, customer_tag, customer_attribute, ...).")
    ApiPage<Entry> forCustomer(@PathVariable long customerId, @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(name = "entity_type", required = false) String entityType) {
        var query = PageQuery.of(page, perPage, null, null, null);
        return ApiPage.of(activity.forCustomer(customerId, CustomerController.blank(entityType) ? null : entityType.trim(),
                query), Entry::of);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long activityId, @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant occurredAt,
            @Nullable Long actorUserId, String actorUsername, @Nullable Long impersonatorUserId, String channel,
            String entityType, String entityId, @Nullable Long customerId, String action, String summary,
            Map<String, ActivityRecord.Change> changes) {

        static Entry of(ActivityEntry e) {
            return new Entry(e.id(), e.occurredAt(), e.actorUserId(), e.actorUsername(), e.impersonatorUserId(),
                    e.channel(), e.entityType(), e.entityId(), e.customerId(), e.action(), e.summary(), e.changes());
        }
    }
}
