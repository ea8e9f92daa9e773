package io.switchboard.console.customers;

import io.switchboard.customer.TagView;
import org.springframework.lang.Nullable;

/**
 * A tag as a coloured pill (A-TAG-01): its colour as the background and black or white text, whichever reads
 * better on it (WCAG relative luminance).
 */
record TagPill(long tagId, String text, String background, String foreground, @Nullable String link) {

    static TagPill of(TagView tag) {
        String hex = tag.tagHexColor();
        return new TagPill(tag.tagId(), tag.tagText(), "#" + hex, readableOn(hex), tag.tagLink());
    }

    /** The style attribute of the pill. */
    public String style() {
        return "background-color:" + background + ";color:" + foreground;
    }

    static String readableOn(String hex) {
        int rgb = Integer.parseInt(hex, 16);
        double luminance = 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        // contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): black wins above ~0.179
        return luminance > 0.179 ? "#111827" : "#ffffff";
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
