package io.switchboard.inventory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * CSV import and export of items (A-OVR-08, I-20). Import is all-or-nothing: every row is validated and, if any
 * is rejected (or {@code dryRun}), nothing is written. Export writes RFC 4180 CSV and neutralises spreadsheet
 * formulas (a text cell starting with = + - @ gets a leading apostrophe, which import strips again).
 */
public interface InventoryCsv {

    ImportReport importCsv(Reader csv, boolean dryRun) throws IOException;

    void export(ItemSearch filter, Writer out) throws IOException;
}
