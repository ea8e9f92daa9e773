package io.switchboard.inventory.internal;

import io.switchboard.inventory.ImportReport;
import io.switchboard.inventory.ImportReport.Rejection;
import io.switchboard.inventory.InventoryCsv;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.ItemSearch;
import io.switchboard.inventory.ItemView;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.Actor;
import io.switchboard.shared.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import and export. Import columns (header row, any order, names case-insensitive): {@code item} (template
 * name) or {@code inventory_template_id}, {@code serial}, {@code item_state}, {@code itemtext1..20} or the
 * template's labels (e.g. {@code ICCID}), {@code item_location}, the address fields, {@code latitude},
 * {@code longitude}, {@code management_url}, {@code wholesale_cost}, {@code retail_cost}, {@code inventory_notes}.
 * The export's own columns ({@code inventory_id}, {@code customer_id}, ...) are accepted and ignored, so an export
 * can be edited and imported elsewhere.
 */
@Service
@Transactional
class CsvInventory implements InventoryCsv {

    static final List<String> FIELD_COLUMNS = List.of("item_location", "address_line_1", "address_line_2", "city",
            "state", "zip_code", "country", "latitude", "longitude", "management_url", "wholesale_cost", "retail_cost",
            "inventory_notes");
    static final Set<String> IGNORED = Set.of("inventory_id", "customer_id", "service_id", "sold_date", "created",
            "last_modified", "reserved_by_run", "reservation_expires");

    private final JdbcClient jdbc;
    private final InventoryAccess access;
    private final JdbcInventoryItems items;
    private final int maxRows;

    CsvInventory(JdbcClient jdbc, InventoryAccess access, JdbcInventoryItems items,
            @Value("${switchboard.inventory.import-max-rows:10000}") int maxRows) {
        this.jdbc = jdbc;
        this.access = access;
        this.items = items;
        this.maxRows = maxRows;
    }

    @Override
    public ImportReport importCsv(Reader csv, boolean dryRun) throws IOException {
        Actor actor = access.write(InventoryAccess.CREATE);
        List<Csv.Row> rows;
        try {
            rows = Csv.read(csv, maxRows);
        } catch (Csv.TooManyRows e) {
            throw InvalidInputException.of("file", "has more than " + maxRows + " rows; split it");
        }
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "is empty; the first row names the columns");
        }
        var rejected = new ArrayList<Rejection>();
        List<String> header = rows.get(0).cells().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("serial")) {
            rejected.add(new Rejection(1, "serial", "the header has no serial column"));
        }
        if (!header.contains("item") && !header.contains("inventory_template_id")) {
            rejected.add(new Rejection(1, "item", "the header needs an item (template name) or inventory_template_id column"));
        }
        if (new HashSet<>(header).size() != header.size()) {
            rejected.add(new Rejection(1, "header", "a column is named twice"));
        }
        if (!rejected.isEmpty()) {
            return new ImportReport(dryRun, false, rows.size() - 1, 0, rejected);
        }
        var byName = new HashMap<String, TemplateView>();
        var byId = new HashMap<Long, TemplateView>();
        for (TemplateView t : jdbc.sql("SELECT * FROM inventory_templates").query(JdbcInventoryTemplates::row).list()) {
            byName.put(t.item(), t);
            byId.put(t.inventoryTemplateId(), t);
        }
        var accepted = new ArrayList<ItemForm>();
        var seen = new HashSet<String>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            int before = rejected.size();
            ItemForm form = form(row, header, byName, byId, rejected);
            if (form != null && rejected.size() == before) {
                var errors = new Errors();
                ItemForm clean = items.check(form, null, errors);
                errors.list().forEach(e -> rejected.add(new Rejection(row.line(), e.field(), e.reason())));
                if (!errors.any()) {
                    if (!seen.add(clean.inventoryTemplateId() + "\u0000" + clean.serial())) {
                        rejected.add(new Rejection(row.line(), "serial", "appears twice in the file: " + clean.serial()));
                    } else {
                        accepted.add(clean);
                    }
                }
            }
        }
        int count = rows.size() - 1;
        if (!rejected.isEmpty() || dryRun) {
            return new ImportReport(dryRun, false, count, rejected.isEmpty() ? accepted.size() : 0, rejected);
        }
        for (ItemForm form : accepted) {
            items.insert(form, actor, "Imported from CSV");
        }
        return new ImportReport(false, true, count, accepted.size(), List.of());
    }

    @Nullable
    private ItemForm form(Csv.Row row, List<String> header, Map<String, TemplateView> byName,
            Map<Long, TemplateView> byId, List<Rejection> rejected) {
        int line = row.line();
        if (row.cells().size() > header.size()) {
            rejected.add(new Rejection(line, "row", "has " + row.cells().size() + " cells; the header has " + header.size()));
            return null;
        }
        var values = new HashMap<String, String>();
        for (int i = 0; i < row.cells().size(); i++) {
            String value = Csv.unprotect(row.cells().get(i));
            values.put(header.get(i), value.isBlank() ? null : value.trim());
        }
        TemplateView template = null;
        String name = values.get("item");
        String id = values.get("inventory_template_id");
        if (id != null) {
            try {
                template = byId.get(Long.parseLong(id));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (template == null) {
                rejected.add(new Rejection(line, "inventory_template_id", "no template " + id));
                return null;
            }
        } else if (name != null) {
            template = byName.get(name);
            if (template == null) {
                rejected.add(new Rejection(line, "item", "no template named " + name + " (names are case-sensitive)"));
                return null;
            }
        } else {
            rejected.add(new Rejection(line, "item", "must name the template"));
            return null;
        }
        var texts = new ArrayList<String>(java.util.Collections.nCopies(TemplateForm.FIELDS, (String) null));
        for (String column : header) {
            String value = values.get(column);
            if (column.equals("item") || column.equals("inventory_template_id") || column.equals("serial")
                    || column.equals("item_state") || FIELD_COLUMNS.contains(column) || IGNORED.contains(column)) {
                continue;
            }
            int n = textNumber(column, template);
            if (n > 0) {
                if (value != null) {
                    texts.set(n - 1, value);
                }
            } else if (value != null) {
                rejected.add(new Rejection(line, column, "is neither a column nor a field of the template "
                        + template.item()));
            }
        }
        InventoryState state = null;
        if (values.get("item_state") != null) {
            try {
                state = InventoryState.parse("item_state", values.get("item_state"));
            } catch (InvalidInputException e) {
                rejected.add(new Rejection(line, "item_state", e.errors().get(0).reason()));
            }
        }
        Double lat = number(values, "latitude", line, rejected);
        Double lng = number(values, "longitude", line, rejected);
        BigDecimal wholesale = money(values, "wholesale_cost", line, rejected);
        BigDecimal retail = money(values, "retail_cost", line, rejected);
        return new ItemForm(template.inventoryTemplateId(), values.get("serial"), state, texts,
                values.get("item_location"), values.get("address_line_1"), values.get("address_line_2"),
                values.get("city"), values.get("state"), values.get("zip_code"), values.get("country"), lat, lng,
                values.get("management_url"), wholesale, retail, values.get("inventory_notes"));
    }

    /** {@code itemtextN} or the label of field N of the template (case-insensitive); 0 when neither. */
    private static int textNumber(String column, TemplateView template) {
        if (column.matches("itemtext\\d{1,2}")) {
            int n = Integer.parseInt(column.substring(8));
            return n >= 1 && n <= TemplateForm.FIELDS ? n : 0;
        }
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            String label = template.label(n);
            if (label != null && label.trim().toLowerCase(Locale.ROOT).equals(column)) {
                return n;
            }
        }
        return 0;
    }

    @Nullable
    private static Double number(Map<String, String> values, String column, int line, List<Rejection> rejected) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            rejected.add(new Rejection(line, column, "must be a number"));
            return null;
        }
    }

    @Nullable
    private static BigDecimal money(Map<String, String> values, String column, int line, List<Rejection> rejected) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            rejected.add(new Rejection(line, column, "must be an amount"));
            return null;
        }
    }

    static final List<String> EXPORT_HEADER;

    static {
        var header = new ArrayList<String>(List.of("inventory_id", "item", "serial", "item_state"));
        IntStream.rangeClosed(1, TemplateForm.FIELDS).forEach(n -> header.add("itemtext" + n));
        header.addAll(FIELD_COLUMNS);
        header.addAll(List.of("customer_id", "service_id", "sold_date", "created", "last_modified"));
        EXPORT_HEADER = List.copyOf(header);
    }

    @Override
    @Transactional(readOnly = true)
    public void export(ItemSearch filter, Writer out) throws IOException {
        var params = new HashMap<String, Object>();
        String where = items.where(filter, null, params);
        Csv.write(out, EXPORT_HEADER);
        try (var stream = jdbc.sql(ItemRows.SELECT + where + " ORDER BY i.inventory_id").params(params)
                .query(ItemRows::row).stream()) {
            stream.forEach(item -> {
                try {
                    Csv.write(out, cells(item));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        out.flush();
    }

    private static List<Object> cells(ItemView i) {
        var cells = new ArrayList<Object>(List.of(i.inventoryId(), i.item(), i.serial(), i.itemState().label()));
        cells.addAll(i.texts());
        cells.addAll(java.util.Arrays.asList(i.itemLocation(), i.addressLine1(), i.addressLine2(), i.city(), i.state(),
                i.zipCode(), i.country(), i.latitude(), i.longitude(), i.managementUrl(), i.wholesaleCost(),
                i.retailCost(), i.inventoryNotes(), i.customerId(), i.serviceId(), i.soldDate(), i.created(),
                i.lastModified()));
        return cells;
    }
}
