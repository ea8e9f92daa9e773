package io.switchboard.identity;

import io.switchboard.shared.InvalidInputException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The password rules of C-PWD-02: at least 8 characters with an upper-case letter, a lower-case letter, a
 * digit and a special character (anything that is neither a letter nor a digit). At most 72 bytes: bcrypt
 * ignores what follows, so a longer password is refused rather than silently cut.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!@#$%^&*";

    private PasswordPolicy() {}

    /** The rules {@code password} breaks, as short phrases; empty when it is acceptable. */
    public static List<String> unmetRules(String password) {
        var unmet = new ArrayList<String>();
        if (password == null || password.length() < MIN_LENGTH) {
            unmet.add("at least " + MIN_LENGTH + " characters");
        }
        String p = password == null ? "" : password;
        if (p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            unmet.add("at most " + MAX_BYTES + " bytes");
        }
        if (p.chars().noneMatch(Character::isUpperCase)) {
            unmet.add("an upper-case letter");
        }
        if (p.chars().noneMatch(Character::isLowerCase)) {
            unmet.add("a lower-case letter");
        }
        if (p.chars().noneMatch(Character::isDigit)) {
            unmet.add("a digit");
        }
        if (p.chars().allMatch(Character::isLetterOrDigit)) {
            unmet.add("a special character such as " + SPECIAL);
        }
        return unmet;
    }

    /**
     * Refuses a password that breaks the policy with a 400 naming {@code field} and every unmet rule.
     *
     * @param field the API field name the password came in ({@code password}, {@code new_password})
     */
    public static void check(String field, String password) {
        var unmet = unmetRules(password);
        if (!unmet.isEmpty()) {
            throw InvalidInputException.of(field, "must contain " + String.join(", ", unmet));
        }
    }

    /** A random password that meets the policy: 16 characters from all four classes, no look-alikes. */
    public static String generateTemporary() {
        var chars = new ArrayList<Character>();
        String all = UPPER + LOWER + DIGITS + SPECIAL;
        for (String set : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
            chars.add(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (chars.size() < 16) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        var sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
