package io.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web pages speak English and Spanish: every bundle under {@code messages/} has a Spanish twin with the
 * same keys, and every literal {@code #{key}} a template uses exists.
 */
class MessageBundlesInSyncTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Set<String> LANGUAGES = Set.of("es");

    /** {@code #{key}} or {@code #{key(args)}}; keys computed at run time ({@code #{${...}}}) are not literal. */
    static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.\\-]*)\\s*[(}]");
    /** Thymeleaf parser-level comments are never rendered; they may show usage examples. */
    static final Pattern PARSER_COMMENT = Pattern.compile("<!--/\\*.*?\\*/-->", Pattern.DOTALL);
    static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void everyBundleHasASpanishTwinWithTheSameKeys() {
        var baseBundles = baseBundles();
        assertThat(baseBundles).as("bundles in %s", MESSAGES).isNotEmpty();
        for (Path base : baseBundles) {
            Set<String> defaultKeys = load(base).stringPropertyNames();
            for (String language : LANGUAGES) {
                Path translated = translation(base, language);
                assertThat(translated).as("translation of %s", base).exists();
                Set<String> translatedKeys = load(translated).stringPropertyNames();
                assertThat(difference(defaultKeys, translatedKeys))
                        .as("keys of %s missing from %s", base.getFileName(), translated.getFileName()).isEmpty();
                assertThat(difference(translatedKeys, defaultKeys))
                        .as("keys of %s missing from %s", translated.getFileName(), base.getFileName()).isEmpty();
            }
        }
    }

    @Test
    void noMessageIsBlank() {
        allBundles().forEach((file, messages) -> messages.forEach((key, value) ->
                assertThat(value.toString().trim()).as("%s in %s", key, file.getFileName()).isNotEmpty()));
    }

    @Test
    void messagesWithArgumentsEscapeTheirApostrophes() {
        // MessageFormat swallows a lone ' in a message that has arguments ("can't {0}" prints "cant {0}")
        allBundles().forEach((file, messages) -> messages.forEach((key, value) -> {
            String text = value.toString();
            if (ARGUMENT.matcher(text).find()) {
                assertThat(text.replace("''", "")).as("%s in %s: write '' for an apostrophe", key, file.getFileName())
                        .doesNotContain("'");
            }
        }));
    }

    @Test
    void everyMessageKeyUsedByATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        baseBundles().forEach(base -> known.addAll(load(base).stringPropertyNames()));
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String rendered = PARSER_COMMENT.matcher(Files.readString(template)).replaceAll("");
                var matcher = MESSAGE_EXPRESSION.matcher(rendered);
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.computeIfAbsent(TEMPLATES.relativize(template).toString(), t -> new TreeSet<>())
                                .add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used by templates but missing from the bundles").isEmpty();
    }

    @Test
    void theTemplateCheckSeesKeysWithAndWithoutArguments() {
        String template = "<p th:text=\"#{a.b}\"></p><p th:text=\"#{c.d(${x})}\"></p>"
                + "<p th:text=\"#{${computed}}\"></p><!--/* th:text=\"#{in.a.comment}\" */-->";
        var keys = MESSAGE_EXPRESSION.matcher(PARSER_COMMENT.matcher(template).replaceAll("")).results()
                .map(m -> m.group(1)).toList();
        assertThat(keys).containsExactly("a.b", "c.d");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Path translation(Path base, String language) {
        String name = base.getFileName().toString().replace(".properties", "_" + language + ".properties");
        return base.resolveSibling(name);
    }

    private static java.util.List<Path> baseBundles() {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9-]+\\.properties"))
                    .sorted().collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Path, Properties> allBundles() {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                    .collect(Collectors.toMap(p -> p, MessageBundlesInSyncTests::load, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
