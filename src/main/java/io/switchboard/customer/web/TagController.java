package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.CustomerTags;
import io.switchboard.customer.TagForm;
import io.switchboard.customer.TagView;
import io.switchboard.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tags", description = "Coloured, time-bounded labels on customers (A-TAG)")
class TagController {

    private static final String READ = "hasAnyAuthority('view_customer_tag','view_own_customer_tag')";

    private final CustomerTags tags;
    private final MergePatch mergePatch;

    TagController(CustomerTags tags, MergePatch mergePatch) {
        this.tags = tags;
        this.mergePatch = mergePatch;
    }

    @PutMapping({"/crm/tag/", "/crm/tag"})
    @PreAuthorize("hasAuthority('create_customer_tag')")
    @Operation(summary = "Create a tag", description = "tag_hex_color without '#'; dates as 2025-01-01 00:00:00 (UTC). "
            + "tag_active_date defaults to now, tag_deactivate_date to 2099-01-01 00:00:00. Needs create_customer_tag.")
    TagView create(@RequestBody TagForm form) {
        return tags.create(form);
    }

    @GetMapping("/crm/tag/tag_id/{tagId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get a tag")
    TagView get(@PathVariable long tagId) {
        return tags.find(tagId).orElseThrow(() -> new NotFoundException("tag", tagId));
    }

    @GetMapping("/crm/tag/customer_id/{customerId}")
    @PreAuthorize(READ)
    @Operation(summary = "A customer's tags", description = "A JSON array; active=true keeps only the tags shown now.")
    List<TagView> forCustomer(@PathVariable long customerId,
            @RequestParam(name = "active", defaultValue = "false") boolean activeOnly) {
        return tags.forCustomer(customerId, activeOnly);
    }

    @PatchMapping("/crm/tag/tag_id/{tagId}")
    @PreAuthorize("hasAuthority('update_customer_tag')")
    @Operation(summary = "Update a tag", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = TagForm.class))))
    TagView update(@PathVariable long tagId, @RequestBody JsonNode patch) {
        return tags.update(tagId, current -> mergePatch.apply(current, patch, TagForm.class));
    }

    @DeleteMapping("/crm/tag/tag_id/{tagId}")
    @PreAuthorize("hasAuthority('delete_customer_tag')")
    @Operation(summary = "Delete a tag")
    Map<String, String> delete(@PathVariable long tagId) {
        tags.delete(tagId);
        return Results.SUCCESS;
    }
}
