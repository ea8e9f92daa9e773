package io.switchboard.inventory.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside; formula-safe cells on output. */
final class Csv {

    private Csv() {}

    /** One record and the (1-based) line it starts on. */
    record Row(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c.isBlank());
        }
    }

    static List<Row> read(Reader in, int maxRows) throws IOException {
        var all = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            all.append(buffer, 0, n);
        }
        String text = all.length() > 0 && all.charAt(0) == '\uFEFF' ? all.substring(1) : all.toString();
        var rows = new ArrayList<Row>();
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                add(rows, new Row(start, List.copyOf(cells)), maxRows);
                cells.clear();
                line++;
                start = line;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(rows, new Row(start, List.copyOf(cells)), maxRows);
        }
        return rows;
    }

    private static void add(List<Row> rows, Row row, int maxRows) {
        if (row.blank()) {
            return;
        }
        if (rows.size() > maxRows) {
            throw new TooManyRows();
        }
        rows.add(row);
    }

    static final class TooManyRows extends RuntimeException {}

    /** Writes one record; each cell quoted when needed and protected against spreadsheet formulas. */
    static void write(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !text.matches("[-+]?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                        || Character.isWhitespace(text.charAt(text.length() - 1))))) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Undoes {@link #cell}'s protection when a file we exported comes back. */
    static String unprotect(String text) {
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }
}
