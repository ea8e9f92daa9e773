package io.switchboard.identity.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Group ids for roles: lower-case ASCII letters, digits and hyphens, from the role's name. */
public final class Slugs {

    private Slugs() {}

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "role";
        }
        return slug.length() > 56 ? slug.substring(0, 56).replaceAll("-+$", "") : slug;
    }
}
