package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.AttributeForm;
import io.switchboard.customer.AttributeView;
import io.switchboard.customer.CustomerAttributes;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Attributes", description = "Key/value attributes of customers (A-ATTR)")
class AttributeController {

    private static final String READ = "hasAnyAuthority('view_customer_attribute','view_own_customer_attribute')";

    private final CustomerAttributes attributes;
    private final MergePatch mergePatch;

    AttributeController(CustomerAttributes attributes, MergePatch mergePatch) {
        this.attributes = attributes;
        this.mergePatch = mergePatch;
    }

    @PutMapping({"/crm/attribute/", "/crm/attribute"})
    @PreAuthorize("hasAuthority('create_customer_attribute')")
    @Operation(summary = "Create or update an attribute", description = "Updates the value when the customer already "
            + "has an attribute of that name. Values up to 150 characters. Needs create_customer_attribute.")
    AttributeView put(@RequestBody AttributeForm form) {
        return attributes.put(form);
    }

    @GetMapping("/crm/attribute/attribute_id/{attributeId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get an attribute")
    AttributeView get(@PathVariable long attributeId) {
        return attributes.find(attributeId).orElseThrow(() -> new NotFoundException("attribute", attributeId));
    }

    @GetMapping("/crm/attribute/customer_id/{customerId}")
    @PreAuthorize(READ)
    @Operation(summary = "A customer's attributes", description = "A JSON array, by name.")
    List<AttributeView> forCustomer(@PathVariable long customerId) {
        return attributes.forCustomer(customerId);
    }

    @PatchMapping("/crm/attribute/attribute_id/{attributeId}")
    @PreAuthorize("hasAuthority('update_customer_attribute')")
    @Operation(summary = "Update an attribute's name or value", description = "A customer_id in the body must be the "
            + "attribute's own customer.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AttributeForm.class))))
    AttributeView update(@PathVariable long attributeId, @RequestBody JsonNode patch) {
        return attributes.update(attributeId, current -> mergePatch.apply(current, patch, AttributeForm.class));
    }

    @DeleteMapping("/crm/attribute/attribute_id/{attributeId}")
    @PreAuthorize("hasAuthority('delete_customer_attribute')")
    @Operation(summary = "Delete an attribute")
    Map<String, String> delete(@PathVariable long attributeId) {
        attributes.delete(attributeId);
        return Results.SUCCESS;
    }
}
