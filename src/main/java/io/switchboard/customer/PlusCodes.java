package io.switchboard.customer;

import com.google.openlocationcode.OpenLocationCode;
import java.util.Locale;

/**
 * Plus codes (Open Location Code) for site coordinates. Switchboard stores 11 significant digits
 * ({@code 8FVC9G8F+6XQ}, 12 characters with the '+', the "11 + 1" of A-SITE-06): about 3 m × 3.5 m, enough to
 * find a door. Pure functions; the console's map calls {@link #encode} when the marker moves.
 */
public final class PlusCodes {

    /** Significant digits of a stored code. */
    public static final int DIGITS = 11;
    /** Length of a stored code, separator included. */
    public static final int LENGTH = DIGITS + 1;

    private PlusCodes() {}

    /**
     * The plus code of a position.
     *
     * @throws IllegalArgumentException when latitude is outside [-90, 90] or longitude outside [-180, 180]
     */
    public static String encode(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180");
        }
        return OpenLocationCode.encode(latitude, longitude, DIGITS);
    }

    /** True for a syntactically valid full code (any precision, padded or not); short codes are not enough. */
    public static boolean isFullCode(String code) {
        return code != null && OpenLocationCode.isFullCode(code.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * True when {@code code} is a full plus code whose area contains the position: the code a client computed
     * for these coordinates, at this or a coarser precision.
     */
    public static boolean agrees(String code, double latitude, double longitude) {
        if (!isFullCode(code)) {
            return false;
        }
        var area = OpenLocationCode.decode(code.trim().toUpperCase(Locale.ROOT));
        // the code's own area, with a hair of tolerance for clients that round coordinates before encoding
        double epsilon = 1e-9;
        return latitude >= area.getSouthLatitude() - epsilon && latitude <= area.getNorthLatitude() + epsilon
                && longitude >= area.getWestLongitude() - epsilon && longitude <= area.getEastLongitude() + epsilon;
    }
}
