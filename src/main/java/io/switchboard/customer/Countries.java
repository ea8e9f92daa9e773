package io.switchboard.customer;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries of sites: stored as ISO 3166-1 alpha-2 codes. Input may be the code or the country's English or
 * Spanish name (accents and case ignored), as address pickers fill in either.
 */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : CODES) {
            Locale country = new Locale.Builder().setRegion(code).build();
            BY_NAME.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.forLanguageTag("es"))), code);
        }
        BY_NAME.put("uk", "GB");
        BY_NAME.put("usa", "US");
        BY_NAME.put("united states of america", "US");
        BY_NAME.put("great britain", "GB");
        BY_NAME.put("england", "GB");
    }

    private Countries() {}

    /** The alpha-2 code for a code or name, or empty when it names no country. */
    public static Optional<String> normalise(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String text = codeOrName.trim();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && CODES.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(BY_NAME.get(key(text)));
    }

    /** All countries as (code, name in {@code language}), sorted by name: the console's country picker. */
    public static List<Map.Entry<String, String>> all(Locale language) {
        return CODES.stream()
                .map(code -> Map.entry(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(language)))
                .sorted(Comparator.comparing(Map.Entry::getValue))
                .toList();
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).trim();
    }
}
