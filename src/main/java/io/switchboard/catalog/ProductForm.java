package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.customer.GuideDateTime;
import io.switchboard.shared.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * What a product is made of (seed-C §2.1, seed-B §2.1, the guide's snake_case names): the body of
 * {@code PUT /crm/product/}, the merge target of {@code PATCH}, and the console's product form. On create,
 * {@code null} means the default: enabled, residential and business {@code true}, customer_can_purchase
 * {@code false}, costs and tax 0, contract_days 0, auto_renew {@code "false"}, lists empty.
 * <p>
 * Money: decimal amounts in the installation's currency, tax-exclusive, at most 2 decimals (DESIGN.md "Money");
 * {@code tax_percentage} is a percentage ({@code 12.5} = 12.5%). Dates: UTC, the guide's
 * {@code yyyy-MM-dd HH:mm:ss} or ISO. Lists: a JSON array, or a string in either of the guide's two formats
 * ({@link ProductLists}); stored and returned as a JSON array.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductForm(
        @Nullable String productName,
        @Nullable String productSlug,
        @Nullable ProductCategory category,
        @Nullable String serviceType,
        @Nullable Boolean enabled,
        @Nullable String icon,
        @Nullable String comment,
        @Nullable BigDecimal retailCost,
        @Nullable BigDecimal wholesaleCost,
        @Nullable BigDecimal retailSetupCost,
        @Nullable BigDecimal wholesaleSetupCost,
        @Nullable BigDecimal taxPercentage,
        @Nullable Integer contractDays,
        @Nullable Boolean residential,
        @Nullable Boolean business,
        @Nullable Boolean customerCanPurchase,
        @Nullable @JsonFormat(pattern = GuideDateTime.PATTERN) @JsonDeserialize(using = DateTimeInput.class)
        LocalDateTime availableFrom,
        @Nullable @JsonFormat(pattern = GuideDateTime.PATTERN) @JsonDeserialize(using = DateTimeInput.class)
        LocalDateTime availableUntil,
        @Nullable AutoRenew autoRenew,
        @Nullable Boolean allowAutoRenew,
        @Nullable @JsonDeserialize(using = CommaList.class) List<String> inventoryItemsList,
        @Nullable @JsonDeserialize(using = CommaList.class) List<String> reliesOnList,
        @Nullable @JsonDeserialize(using = SentenceList.class) List<String> featuresList,
        @Nullable String terms,
        @Nullable String provisioningPlay,
        @Nullable String provisioningJsonVars) {

    /** A form with the required fields only; everything else takes its default. */
    public static ProductForm of(String name, String slug, ProductCategory category, String serviceType) {
        return new ProductForm(name, slug, category, serviceType, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Lists in either of the guide's text formats, or a JSON array. */
    abstract static class ListInput extends JsonDeserializer<List<String>> {

        private final ProductLists.PlainText plain;

        ListInput(ProductLists.PlainText plain) {
            this.plain = plain;
        }

        @Override
        public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    return ProductLists.parse(p.currentName(), p.getText(), plain);
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException(e.errors().get(0).reason());
                }
            }
            if (p.hasToken(JsonToken.START_ARRAY)) {
                var items = new ArrayList<String>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.hasToken(JsonToken.VALUE_STRING) && !p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                        throw new IllegalArgumentException("list items must be strings");
                    }
                    String item = p.getText().strip();
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
                return List.copyOf(items);
            }
            throw new IllegalArgumentException("must be a list or a string holding one");
        }
    }

    static final class CommaList extends ListInput {
        CommaList() {
            super(ProductLists.PlainText.COMMAS);
        }
    }

    static final class SentenceList extends ListInput {
        SentenceList() {
            super(ProductLists.PlainText.SENTENCES);
        }
    }

    static final class DateTimeInput extends JsonDeserializer<LocalDateTime> {
        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new IllegalArgumentException("must be a date-time such as 2026-01-31 00:00:00");
            }
            String text = p.getText();
            if (text.isBlank()) {
                return null;
            }
            try {
                String value = text.strip();
                if (value.endsWith("Z")) {
                    value = value.substring(0, value.length() - 1);
                }
                return GuideDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date-time such as 2026-01-31 00:00:00");
            }
        }
    }
}
