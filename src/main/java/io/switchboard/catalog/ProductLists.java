package io.switchboard.catalog;

import io.switchboard.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * The guide stores lists ({@code inventory_items_list}, {@code relies_on_list}, {@code features_list}) as strings
 * in two formats (C-FT-01, C-INVR-01, B-PROD-20/21): a Python-list literal such as {@code "['SIM Card', 'Mobile
 * Number']"} (JSON arrays with double quotes are the same shape), or plain text: features separated by ". "
 * (period and space), the other lists by commas. Both are read here and normalised to a list of trimmed,
 * non-blank items, which is what Switchboard stores and returns (a JSON array).
 */
public final class ProductLists {

    private ProductLists() {}

    /** How plain text (not a list literal) is split. */
    public enum PlainText {
        /** {@code "a, b"}: inventory types, relies-on entries. */
        COMMAS,
        /** {@code "Feature one. Feature two"}: features (C-FT-01 a). */
        SENTENCES
    }

    /**
     * The items of {@code text}; empty for {@code null}, blank or {@code "[]"}.
     *
     * @throws InvalidInputException naming {@code field} when a list literal is malformed
     */
    public static List<String> parse(String field, @Nullable String text, PlainText plain) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String value = text.strip();
        if (value.startsWith("[")) {
            if (!value.endsWith("]")) {
                throw InvalidInputException.of(field, "a list literal must end with ]");
            }
            return literal(field, value.substring(1, value.length() - 1));
        }
        var items = new ArrayList<String>();
        if (plain == PlainText.COMMAS) {
            for (String item : value.split(",")) {
                add(items, item);
            }
        } else {
            String[] parts = value.split("\\.\\s+");
            for (int i = 0; i < parts.length; i++) {
                String item = parts[i].strip();
                if (i == parts.length - 1 && item.endsWith(".")) {
                    item = item.substring(0, item.length() - 1);
                }
                add(items, item);
            }
        }
        return List.copyOf(items);
    }

    /** The items as a Python-list literal, the guide's stored form: {@code ['SIM Card', 'Mobile Number']}. */
    public static String literal(List<String> items) {
        return items.stream().map(item -> "'" + item.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<String> literal(String field, String body) {
        var items = new ArrayList<String>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                var item = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = body.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        item.append(body.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    item.append(d);
                    j++;
                }
                if (!closed) {
                    throw InvalidInputException.of(field, "an item of the list has no closing quote");
                }
                add(items, item.toString());
                i = j + 1;
            } else {
                int j = body.indexOf(',', i);
                String bare = (j < 0 ? body.substring(i) : body.substring(i, j)).strip();
                if (!bare.matches("[A-Za-z0-9_.+-]+")) {
                    throw InvalidInputException.of(field, "list items must be quoted ('SIM Card')");
                }
                add(items, bare);
                i = j < 0 ? n : j;
            }
            // after an item: spaces, then a comma or the end
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < n) {
                if (body.charAt(i) != ',') {
                    throw InvalidInputException.of(field, "list items must be separated by commas");
                }
                i++;
            }
        }
        return List.copyOf(items);
    }

    private static void add(List<String> items, String item) {
        String value = item.strip();
        if (!value.isEmpty()) {
            items.add(value);
        }
    }
}
