package io.switchboard.console.products;

import io.switchboard.catalog.AutoRenew;
import io.switchboard.catalog.ProductCategory;
import io.switchboard.catalog.ProductForm;
import io.switchboard.catalog.ProductLists;
import io.switchboard.catalog.ProductView;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * What the product form holds, as the browser sends it: numbers, dates and lists as text, so a value that does not
 * parse comes back next to its field instead of failing the whole request. Lists are typed in either of the guide's
 * formats ({@link ProductLists}) and shown as a list literal.
 */
public class ProductInput {

    private String productName = "";
    private String productSlug = "";
    private String category = "standalone";
    private String serviceType = "";
    private boolean enabled = true;
    private String icon = "";
    private String comment = "";
    private String retailCost = "0.00";
    private String wholesaleCost = "0.00";
    private String retailSetupCost = "0.00";
    private String wholesaleSetupCost = "0.00";
    private String taxPercentage = "0";
    private String contractDays = "0";
    private boolean residential = true;
    private boolean business = true;
    private boolean customerCanPurchase;
    private String availableFrom = "";
    private String availableUntil = "";
    private String autoRenew = "false";
    private boolean allowAutoRenew;
    private String inventoryItemsList = "";
    private String reliesOnList = "";
    private String featuresList = "";
    private String terms = "";
    private String provisioningPlay = "";
    private String provisioningJsonVars = "";

    static ProductInput of(ProductView p) {
        var input = new ProductInput();
        input.productName = p.productName();
        input.productSlug = p.productSlug();
        input.category = p.category().label();
        input.serviceType = p.serviceType();
        input.enabled = p.enabled();
        input.icon = orEmpty(p.icon());
        input.comment = orEmpty(p.comment());
        input.retailCost = p.retailCost().toPlainString();
        input.wholesaleCost = p.wholesaleCost().toPlainString();
        input.retailSetupCost = p.retailSetupCost().toPlainString();
        input.wholesaleSetupCost = p.wholesaleSetupCost().toPlainString();
        input.taxPercentage = p.taxPercentage().toPlainString();
        input.contractDays = String.valueOf(p.contractDays());
        input.residential = p.residential();
        input.business = p.business();
        input.customerCanPurchase = p.customerCanPurchase();
        input.availableFrom = p.availableFrom() == null ? "" : p.availableFrom().toString();
        input.availableUntil = p.availableUntil() == null ? "" : p.availableUntil().toString();
        input.autoRenew = p.autoRenew().label();
        input.allowAutoRenew = p.allowAutoRenew();
        input.inventoryItemsList = p.inventoryItemsList().isEmpty() ? "" : ProductLists.literal(p.inventoryItemsList());
        input.reliesOnList = p.reliesOnList().isEmpty() ? "" : ProductLists.literal(p.reliesOnList());
        input.featuresList = p.featuresList().isEmpty() ? "" : ProductLists.literal(p.featuresList());
        input.terms = orEmpty(p.terms());
        input.provisioningPlay = orEmpty(p.provisioningPlay());
        input.provisioningJsonVars = orEmpty(p.provisioningJsonVars());
        return input;
    }

    /**
     * The product form, or every field that does not parse.
     *
     * @throws InvalidInputException naming each field (snake_case, as the API would)
     */
    ProductForm toForm() {
        var errors = new ArrayList<FieldError>();
        ProductCategory cat = null;
        try {
            cat = ProductCategory.fromLabel(category);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("category", e.getMessage()));
        }
        AutoRenew renew = null;
        try {
            renew = AutoRenew.fromLabel(autoRenew);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("auto_renew", e.getMessage()));
        }
        var form = new ProductForm(productName.strip(), productSlug.strip(), cat, serviceType.strip(), enabled,
                icon, comment, money(errors, "retail_cost", retailCost), money(errors, "wholesale_cost", wholesaleCost),
                money(errors, "retail_setup_cost", retailSetupCost),
                money(errors, "wholesale_setup_cost", wholesaleSetupCost),
                money(errors, "tax_percentage", taxPercentage), days(errors), residential, business,
                customerCanPurchase, date(errors, "available_from", availableFrom),
                date(errors, "available_until", availableUntil), renew, allowAutoRenew,
                list(errors, "inventory_items_list", inventoryItemsList, ProductLists.PlainText.COMMAS),
                list(errors, "relies_on_list", reliesOnList, ProductLists.PlainText.COMMAS),
                list(errors, "features_list", featuresList, ProductLists.PlainText.SENTENCES), terms,
                provisioningPlay, provisioningJsonVars);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return form;
    }

    @Nullable
    private static BigDecimal money(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace("$", "").replace("£", "").replace("€", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a number such as 15.00"));
            return null;
        }
    }

    @Nullable
    private Integer days(List<FieldError> errors) {
        if (contractDays == null || contractDays.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(contractDays.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("contract_days", "must be a whole number of days"));
            return null;
        }
    }

    @Nullable
    private static LocalDateTime date(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date and time"));
            return null;
        }
    }

    @Nullable
    private static List<String> list(List<FieldError> errors, String field, String text,
            ProductLists.PlainText plain) {
        try {
            return ProductLists.parse(field, text, plain);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    public String getProductName() { return productName; }
    public void setProductName(String v) { productName = v; }
    public String getProductSlug() { return productSlug; }
    public void setProductSlug(String v) { productSlug = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public String getServiceType() { return serviceType; }
    public void setServiceType(String v) { serviceType = v; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public String getIcon() { return icon; }
    public void setIcon(String v) { icon = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public String getRetailCost() { return retailCost; }
    public void setRetailCost(String v) { retailCost = v; }
    public String getWholesaleCost() { return wholesaleCost; }
    public void setWholesaleCost(String v) { wholesaleCost = v; }
    public String getRetailSetupCost() { return retailSetupCost; }
    public void setRetailSetupCost(String v) { retailSetupCost = v; }
    public String getWholesaleSetupCost() { return wholesaleSetupCost; }
    public void setWholesaleSetupCost(String v) { wholesaleSetupCost = v; }
    public String getTaxPercentage() { return taxPercentage; }
    public void setTaxPercentage(String v) { taxPercentage = v; }
    public String getContractDays() { return contractDays; }
    public void setContractDays(String v) { contractDays = v; }
    public boolean isResidential() { return residential; }
    public void setResidential(boolean v) { residential = v; }
    public boolean isBusiness() { return business; }
    public void setBusiness(boolean v) { business = v; }
    public boolean isCustomerCanPurchase() { return customerCanPurchase; }
    public void setCustomerCanPurchase(boolean v) { customerCanPurchase = v; }
    public String getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(String v) { availableFrom = v; }
    public String getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(String v) { availableUntil = v; }
    public String getAutoRenew() { return autoRenew; }
    public void setAutoRenew(String v) { autoRenew = v; }
    public boolean isAllowAutoRenew() { return allowAutoRenew; }
    public void setAllowAutoRenew(boolean v) { allowAutoRenew = v; }
    public String getInventoryItemsList() { return inventoryItemsList; }
    public void setInventoryItemsList(String v) { inventoryItemsList = v; }
    public String getReliesOnList() { return reliesOnList; }
    public void setReliesOnList(String v) { reliesOnList = v; }
    public String getFeaturesList() { return featuresList; }
    public void setFeaturesList(String v) { featuresList = v; }
    public String getTerms() { return terms; }
    public void setTerms(String v) { terms = v; }
    public String getProvisioningPlay() { return provisioningPlay; }
    public void setProvisioningPlay(String v) { provisioningPlay = v; }
    public String getProvisioningJsonVars() { return provisioningJsonVars; }
    public void setProvisioningJsonVars(String v) { provisioningJsonVars = v; }
}
