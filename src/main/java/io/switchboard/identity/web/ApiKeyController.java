package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.ApiKeyAdministration;
import io.switchboard.identity.ApiKeyChanges;
import io.switchboard.identity.ApiKeyCounts;
import io.switchboard.identity.ApiKeyFilter;
import io.switchboard.identity.ApiKeyInfo;
import io.switchboard.identity.ApiKeyStatus;
import io.switchboard.identity.IssuedApiKey;
import io.switchboard.identity.NewApiKey;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys (A-APIK-23..26, W-KEY-1). Admins manage every key; holders of {@code manage_api_keys} their own.
 * The key itself is in the answer of create and regenerate only.
 */
@RestController
@Tag(name = "API keys")
class ApiKeyController {

    private final ApiKeyAdministration keys;

    ApiKeyController(ApiKeyAdministration keys) {
        this.keys = keys;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateKeyRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
            @Size(max = 40) String expiryDate, @NotNull @Size(min = 1, max = 200) List<String> permissions,
            Long customerId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateKeyRequest(@Size(max = 100) String name, @Size(max = 500) String description,
            JsonNode expiryDate, @Size(min = 1, max = 200) List<String> permissions) {}

    @Operation(summary = "List keys; status: active, expiring_soon, expired, revoked (default: all but revoked); "
            + "search matches name, description or the visible part of the key")
    @GetMapping("/crm/api-keys")
    ApiPage<ApiKeyInfo> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String search, @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        return ApiPage.of(keys.list(new ApiKeyFilter(status(status), query.search()), query), k -> k);
    }

    @Operation(summary = "Total, active, expiring-soon, expired and revoked keys")
    @GetMapping("/crm/api-keys/summary")
    ApiKeyCounts summary() {
        return keys.counts();
    }

    @GetMapping("/crm/api-keys/{id}")
    ApiKeyInfo get(@PathVariable long id) {
        return keys.get(id);
    }

    @Operation(summary = "Generate a key; the answer holds the key, shown this once. expiry_date: a date "
            + "(end of that day, UTC) or an ISO date-time; omitted: never expires")
    @PostMapping("/crm/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey create(@Valid @RequestBody CreateKeyRequest request) {
        return keys.create(new NewApiKey(request.name(), request.description(),
                Requests.endOfDayOrInstant("expiry_date", request.expiryDate()), request.permissions(),
                request.customerId()));
    }

    @Operation(summary = "Edit name, description, expiry (null: never) or permissions")
    @PatchMapping("/crm/api-keys/{id}")
    ApiKeyInfo update(@PathVariable long id, @Valid @RequestBody UpdateKeyRequest request) {
        var expiry = Requests.presentText("expiry_date", request.expiryDate(), 40)
                .map(text -> text.map(d -> Requests.endOfDayOrInstant("expiry_date", d))).orElse(null);
        return keys.update(id, new ApiKeyChanges(request.name(), request.description(), expiry, request.permissions()));
    }

    @Operation(summary = "Revoke a key at once")
    @DeleteMapping("/crm/api-keys/{id}")
    Map<String, String> revoke(@PathVariable long id) {
        keys.revoke(id);
        return Requests.SUCCESS;
    }

    @Operation(summary = "Replace the key's secret: the old key dies at once; the new one is shown this once")
    @PostMapping("/crm/api-keys/{id}/regenerate")
    IssuedApiKey regenerate(@PathVariable long id) {
        return keys.regenerate(id);
    }

    private static ApiKeyStatus status(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return ApiKeyStatus.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "must be one of active, expiring_soon, expired, revoked");
        }
    }
}
