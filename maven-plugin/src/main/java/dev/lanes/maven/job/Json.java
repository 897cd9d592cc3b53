package dev.lanes.maven.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
 * so that the same content gives the same bytes, and NaN written as {@code null}. Reading is bounded,
 * because a baseline file is committed by people: at most {@link #MAX_DOCUMENT_BYTES} and
 * {@link #MAX_NESTING} levels (the files Lanes writes nest 5 deep), Jackson's own limits on strings
 * and numbers otherwise.
 */
public final class Json {

    /** The largest JSON file read: 256 MiB, far above the results of a 100,000-candidate grid. */
    public static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;
    /** The deepest nesting of objects and arrays read. */
    public static final int MAX_NESTING = 64;

    /** Thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES).maxNestingDepth(MAX_NESTING).build())
            .build());

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

    /**
     * Reads {@code file} as a tree.
     *
     * @throws IOException when it cannot be read, is larger than {@link #MAX_DOCUMENT_BYTES}, or is not
     *                     JSON within the limits ({@link com.fasterxml.jackson.core.JsonProcessingException})
     */
    public static JsonNode read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_BYTES) {
            throw new IOException("it has " + size + " bytes, more than the " + MAX_DOCUMENT_BYTES
                    + " a results file of nn:gridsearch can have");
        }
        return MAPPER.readTree(file.toFile());
    }
}
