package io.switchboard.workflow;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.lang.Nullable;

/**
 * Answers for the simplest FEEL texts without the FEEL interpreter, which rebuilds its table of built-in
 * functions on every evaluation. Only texts whose answer is certain get a shortcut, and only for values whose
 * FEEL conversion is the identity (strings, booleans, null); anything else ({@link #UNKNOWN}) goes to the FEEL
 * engine. The shortcuts are:
 * <ul>
 * <li>expressions: {@code true}, {@code false}, {@code null}, a string literal without escapes, and a plain
 * variable name whose value is a string, a boolean or null;</li>
 * <li>unary tests (a table's cells): one or more string literals without escapes, optionally inside {@code not(...)}, or
 * {@code true}/{@code false} (never negated: FEEL reads {@code not(true)} as a function call), when the input is a string (or a boolean) as the literals are.</li>
 * </ul>
 * {@code ParsedFeelEngineTests} compares every shortcut with Camunda's FEEL engine.
 */
final class Shortcuts {

    /** "No shortcut for this value: ask the FEEL engine." */
    static final Object UNKNOWN = new Object();

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern ITEM = Pattern.compile("\\s*(?:\"([^\"\\\\]*)\"|(true|false))\\s*(,|$)");
    private static final Pattern NOT = Pattern.compile("\\s*not\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "for", "some",
            "every", "if", "then", "else", "in", "return", "satisfies", "between", "instance", "of", "function",
            "external");

    private Shortcuts() {}

    @FunctionalInterface
    interface Shortcut {
        /** The answer, or {@link #UNKNOWN}. */
        @Nullable Object apply(VariableContext variables, @Nullable String inputVariable);
    }

    static @Nullable Shortcut expression(String text) {
        String trimmed = text.trim();
        switch (trimmed) {
            case "true":
                return (variables, input) -> Boolean.TRUE;
            case "false":
                return (variables, input) -> Boolean.FALSE;
            case "null":
                return (variables, input) -> null;
            default:
                break;
        }
        Matcher string = STRING.matcher(trimmed);
        if (string.matches()) {
            String value = string.group(1);
            return (variables, input) -> value;
        }
        if (NAME.matcher(trimmed).matches() && !KEYWORDS.contains(trimmed)) {
            return (variables, input) -> {
                Object value = plainValue(variables, trimmed);
                return value == null || value instanceof String || value instanceof Boolean ? value : UNKNOWN;
            };
        }
        return null;
    }

    static @Nullable Shortcut unaryTests(String text) {
        boolean negated = false;
        String tests = text;
        Matcher not = NOT.matcher(text);
        if (not.matches()) {
            negated = true;
            tests = not.group(1);
        }
        Set<Object> literals = new HashSet<>();
        Class<?> kind = null;
        Matcher item = ITEM.matcher(tests);
        int at = 0;
        while (at < tests.length()) {
            if (!item.find(at) || item.start() != at) {
                return null;
            }
            Object literal = item.group(1) != null ? item.group(1) : Boolean.valueOf(item.group(2));
            if (kind != null && kind != literal.getClass()) {
                return null;
            }
            kind = literal.getClass();
            literals.add(literal);
            at = item.end();
            if (item.group(3).isEmpty()) {
                break;
            }
            if (at == tests.length()) {
                return null; // a trailing comma
            }
        }
        if (kind == null || at != tests.length()) {
            return null;
        }
        if (negated && kind == Boolean.class) {
            return null; // FEEL reads not(true) as the function not(), whatever the input
        }
        Class<?> type = kind;
        boolean not_ = negated;
        return (variables, inputVariable) -> {
            if (inputVariable == null) {
                return UNKNOWN;
            }
            Object value = plainValue(variables, inputVariable);
            if (value == null || value == UNKNOWN || value.getClass() != type) {
                return UNKNOWN;
            }
            return literals.contains(value) != not_;
        };
    }

    /** The variable's value, or {@link #UNKNOWN} when the context does not hold it. */
    private static @Nullable Object plainValue(VariableContext variables, String name) {
        if (!variables.containsVariable(name)) {
            return UNKNOWN;
        }
        TypedValue typed = variables.resolve(name);
        return typed == null ? null : typed.getValue();
    }
}
