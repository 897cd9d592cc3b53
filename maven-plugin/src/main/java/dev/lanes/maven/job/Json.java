package dev.lanes.maven.job;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The one Jackson set-up of the plugin: indented output with {@code \n} line ends on every platform,
 * so that the same content gives the same bytes, and NaN written as {@code null}.
 */
public final class Json {

    /** Thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    /** A factory for building trees. */
    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** A number node, or null for NaN and infinities (which JSON cannot hold). */
    public static JsonNode number(double v) {
        return Double.isFinite(v) ? nodes().numberNode(v) : nodes().nullNode();
    }

    /**
     * A tree of plain values: maps (in their order) become objects, lists arrays, numbers numbers
     * (NaN null), anything else its text.
     */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return nodes().nullNode();
        }
        if (value instanceof Map) {
            ObjectNode o = nodes().objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                o.set(String.valueOf(e.getKey()), tree(e.getValue()));
            }
            return o;
        }
        if (value instanceof Collection) {
            ArrayNode a = nodes().arrayNode();
            for (Object v : (Collection<?>) value) {
                a.add(tree(v));
            }
            return a;
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes().numberNode(((Number) value).longValue());
        }
        if (value instanceof Number) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Boolean) {
            return nodes().booleanNode((Boolean) value);
        }
        return nodes().textNode(value.toString());
    }

    /** Writes {@code value} to {@code file}, indented, ending with a line break. */
    public static void write(Object value, Path file) throws IOException {
        String text = MAPPER.writer(PRETTY).writeValueAsString(value) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Reads {@code file} as a tree. */
    public static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
