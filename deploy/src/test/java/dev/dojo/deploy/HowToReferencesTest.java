package dev.dojo.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/how-to/*.md quote file paths, classes, tests, configuration keys, environment variables and commands: each
 * one must exist in the repository as quoted, so a recipe cannot silently point at something renamed or removed.
 * The pages' example of a new service, {@code hints}, is read as the existing swapper (the smallest service, which
 * add-a-service.md copies): every place the recipe names for hints must exist for swapper. {@code <…>} and
 * {@code …} in a quote are placeholders and match anything.
 */
class HowToReferencesTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Path HOW_TO = ROOT.resolve("docs/how-to");
    private static final Set<String> TOP_LEVEL = Set.of("services", "libs", "docs", "deploy", "launcher", "client",
            "e2e", "bench");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".dojo", "dist");
    /** Library types the pages name; everything else CamelCase must be declared in the repository. */
    private static final Set<String> LIBRARY_TYPES = Set.of("HttpClient", "SnakeCaseStrategy");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```[a-z]*\\n(.*?)^\\s*```\\s*$");
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern TYPE = Pattern.compile("^([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)(<[A-Z]>)?$");
    private static final Pattern QUALIFIED = Pattern.compile("^dev\\.dojo(\\.[a-zA-Z0-9]+)+$");
    private static final Pattern PROPERTY =
            Pattern.compile("^((?:dojo|flyway|micronaut|datasources|endpoints)\\.[A-Za-z0-9.*<>_-]+)(?:[:=].*)?$");
    private static final Pattern ENV = Pattern.compile("DOJO_[A-Z0-9_<>]*[A-Z0-9>]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DOJO_[A-Z0-9_]+):([^}]*)}");

    private static final List<String> FILES = new ArrayList<>();
    private static final Set<String> TYPES = new TreeSet<>();
    private static final Set<String> CONFIG_KEYS = new TreeSet<>();
    private static final StringBuilder CONFIG_TEXT = new StringBuilder();

    @BeforeAll
    static void indexRepository() throws IOException {
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(ROOT)) {
                    FILES.add(ROOT.relativize(dir) + "/");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                FILES.add(ROOT.relativize(file).toString());
                return FileVisitResult.CONTINUE;
            }
        });
        Pattern declaration = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
        for (String file : FILES) {
            Path path = ROOT.resolve(file);
            if (file.endsWith(".java")) {
                Matcher m = declaration.matcher(Files.readString(path));
                while (m.find()) {
                    TYPES.add(m.group(1));
                }
            } else if (file.matches("services/[^/]+/src/(main|test)/resources/application[^/]*\\.yml")) {
                CONFIG_TEXT.append(Files.readString(path)).append('\n');
                try (Reader reader = Files.newBufferedReader(path)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        flatten("", document);
                    }
                }
            } else if (file.matches("services/[^/]+/(src/main/resources/)?[^/]+\\.properties")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(path)) {
                    properties.load(reader);
                }
                CONFIG_KEYS.addAll(properties.stringPropertyNames());
            } else if (file.matches("launcher/src/main/java/.*\\.java|docker-compose\\.yml|deploy/k8s/.*\\.yaml")) {
                CONFIG_TEXT.append(Files.readString(path)).append('\n');
            }
        }
    }

    @Test
    void everyQuotedPathExists() throws IOException {
        List<String> missing = new ArrayList<>();
        forEachQuote((page, quote) -> {
            for (String token : quote.split("\\s+")) {
                String path = asExample(token.replaceAll("[,;.)]+$", ""));
                if (looksLikePath(path) && !exists(path)) {
                    missing.add(page + ": " + token);
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyQuotedTypeAndTestIsDeclared() throws IOException {
        List<String> missing = new ArrayList<>();
        forEachQuote((page, quote) -> {
            String span = quote.strip();
            Matcher type = TYPE.matcher(span);
            if (type.matches() && !type.group(1).startsWith("Your") && !LIBRARY_TYPES.contains(type.group(1))
                    && !TYPES.contains(type.group(1))) {
                missing.add(page + ": " + span);
            }
            if (QUALIFIED.matcher(span).matches()) {
                String path = span.replace('.', '/');
                if (FILES.stream().noneMatch(f -> f.endsWith(path + ".java") || f.endsWith(path + "/"))) {
                    missing.add(page + ": " + span);
                }
            }
            Matcher test = Pattern.compile("-Dtest=([A-Za-z0-9]+)").matcher(span);
            while (test.find()) {
                if (!test.group(1).startsWith("Your") && !TYPES.contains(test.group(1))) {
                    missing.add(page + ": -Dtest=" + test.group(1));
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyQuotedConfigurationKeyAndVariableIsRead() throws IOException {
        List<String> missing = new ArrayList<>();
        forEachQuote((page, quote) -> {
            Matcher property = PROPERTY.matcher(quote.strip());
            if (property.matches()) {
                String key = asExample(property.group(1));
                Pattern wanted = wildcard(key.endsWith(".*") ? key.substring(0, key.length() - 2) : key);
                if (CONFIG_KEYS.stream().noneMatch(k -> prefixOf(wanted, k))) {
                    missing.add(page + ": " + quote);
                }
            }
            Matcher env = ENV.matcher(quote);
            while (env.find()) {
                if (!wildcard(asExample(env.group())).matcher(CONFIG_TEXT).find()) {
                    missing.add(page + ": " + env.group());
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    /** change-sandbox-limits.md's table: each variable is the one application.yml reads, with the default given. */
    @Test
    void theSandboxLimitTableMatchesApplicationYml() throws IOException {
        String yml = Files.readString(ROOT.resolve("services/eval/src/main/resources/application.yml"));
        Matcher placeholder = PLACEHOLDER.matcher(yml);
        Map<String, String> defaults = new java.util.HashMap<>();
        while (placeholder.find()) {
            defaults.put(placeholder.group(1), placeholder.group(2));
        }
        int rows = 0;
        for (String row : Files.readAllLines(HOW_TO.resolve("change-sandbox-limits.md"))) {
            List<String> cells = List.of(row.split("\\|"));
            if (cells.size() < 4 || !cells.get(2).contains("`DOJO_")) {
                continue;
            }
            rows++;
            List<String> variables = spans(cells.get(2));
            List<String> values = spans(cells.get(3));
            for (String variable : variables) {
                assertTrue(defaults.containsKey(variable), row);
            }
            if (variables.size() == 1) {
                assertEquals(defaults.get(variables.get(0)), values.get(0), row);
            }
        }
        assertTrue(rows >= 10, "the table has " + rows + " rows");
    }

    /** The YAML a page quotes as main's route table is main's route table. */
    @Test
    void quotedYamlIsWhatTheServiceReads() throws IOException {
        String page = Files.readString(HOW_TO.resolve("add-a-gateway-route.md"));
        String yml = Files.readString(ROOT.resolve("services/main/src/main/resources/application.yml"));
        Matcher fence = FENCE.matcher(page);
        assertTrue(fence.find(), "no yaml block");
        for (String line : fence.group(1).split("\\n")) {
            String code = line.replaceAll("\\s+#.*$", "").stripTrailing();
            if (!code.isBlank()) {
                assertTrue(yml.contains(code + "\n") || yml.contains(code + " "), "not in main's application.yml: "
                        + code);
            }
        }
    }

    @Test
    void everyLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (!target.startsWith("http") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(page.getFileName() + ": " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** Every recipe says which test or check follows it. */
    @Test
    void everyPageNamesItsCheck() throws IOException {
        for (Path page : pages()) {
            if (!page.getFileName().toString().equals("README.md")) {
                assertTrue(Files.readString(page).contains("**Followed by:**"), page + " names no check");
            }
        }
        assertFalse(pages().isEmpty());
    }

    private interface QuoteConsumer {
        void accept(String page, String quote);
    }

    /** Every inline code span, and every line of every fenced block, of every page. */
    private static void forEachQuote(QuoteConsumer consumer) throws IOException {
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher fence = FENCE.matcher(text);
            StringBuilder prose = new StringBuilder();
            int end = 0;
            while (fence.find()) {
                prose.append(text, end, fence.start());
                end = fence.end();
                for (String line : fence.group(1).split("\\n")) {
                    consumer.accept(page.getFileName().toString(), line.replaceAll("\\s+#.*$", ""));
                }
            }
            prose.append(text.substring(end));
            for (String span : spans(prose.toString())) {
                consumer.accept(page.getFileName().toString(), span);
            }
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> pages = Files.list(HOW_TO)) {
            return pages.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<String> spans(String text) {
        List<String> spans = new ArrayList<>();
        Matcher span = SPAN.matcher(text);
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    /** The pages' new service is hints; the checks read it as swapper. */
    private static String asExample(String quote) {
        return quote.replace("hints", "swapper").replace("HINTS", "SWAPPER");
    }

    private static boolean looksLikePath(String token) {
        if (token.isEmpty() || token.contains("://") || token.contains(":") || token.startsWith("/")
                || token.startsWith("-") || token.startsWith("@") || token.startsWith("META-INF/")) {
            return false;
        }
        String first = token.replaceFirst("^(\\./|(\\.\\./)+)", "").split("/")[0];
        return TOP_LEVEL.contains(first) && token.contains("/")
                || token.matches("[\\w./<>…-]+\\.(yml|yaml|java|sh|sql|xml|properties|md)")
                || token.equals("./dojo") || token.equals("./mvnw");
    }

    /** A top-level path must exist as written; a shorter one (a file name, src/…) must end some repository path. */
    private static boolean exists(String token) {
        // ./dojo, or ../../docs/… as written from a service's directory
        String path = token.replaceFirst("^(\\./|(\\.\\./)+)", "");
        Pattern wanted = wildcard(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        boolean anchored = TOP_LEVEL.contains(path.split("/")[0]) || !path.contains("/") && path.startsWith("dojo");
        return FILES.stream().map(f -> f.endsWith("/") ? f.substring(0, f.length() - 1) : f)
                .anyMatch(f -> anchored ? wanted.matcher(f).matches()
                        : wanted.matcher(f).matches() || wildcard("(?:.*/)?" , path).matcher(f).matches());
    }

    private static boolean prefixOf(Pattern wanted, String key) {
        Matcher m = wanted.matcher(key);
        return m.lookingAt() && (m.end() == key.length() || key.charAt(m.end()) == '.');
    }

    /** {@code <…>} is one path segment or word, {@code …} or {@code ...} anything; the rest is literal. */
    private static Pattern wildcard(String text) {
        return wildcard("", text);
    }

    private static Pattern wildcard(String prefix, String text) {
        StringBuilder regex = new StringBuilder(prefix);
        Matcher part = Pattern.compile("<[^>]*>|…|\\.\\.\\.").matcher(text);
        int end = 0;
        while (part.find()) {
            regex.append(Pattern.quote(text.substring(end, part.start())));
            regex.append(part.group().startsWith("<") ? "[^/]*" : ".*");
            end = part.end();
        }
        regex.append(Pattern.quote(text.substring(end)));
        return Pattern.compile(regex.toString());
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
                CONFIG_KEYS.add(name);
                flatten(name, value);
            });
        }
    }
}
