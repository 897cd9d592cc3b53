package dev.lanes.maven.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Jackson set-up of the plugin: indented output with {@code \n} line ends on every platform,
 * so that the same content gives the same bytes, and NaN written as {@code null} (and read back as NaN). Reading is bounded,
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
            .build()).registerModule(nonFiniteAsNull());

    /** Jackson's words for a field a record needs and the document lacks. */
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']*)'");

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    /**
     * An unmodifiable copy of {@code map} in its order (which {@link Map#copyOf} does not keep), so that the
     * same content is written as the same bytes.
     */
    public static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, () -> "the value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    /** Writes {@code value} to {@code file}, indented, ending with a line break. */
    public static void write(Object value, Path file) throws IOException {
        String text = MAPPER.writer(PRETTY).writeValueAsString(value) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * {@code tree} as a {@code type}, every field required and none unknown: a document of the records'
     * schema and nothing else.
     *
     * @throws JsonProcessingException when a field is missing, unknown or of another type; {@link #problem}
     *                                 says which, where
     */
    public static <T> T strictly(JsonNode tree, Class<T> type) throws JsonProcessingException {
        try {
            return MAPPER.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a tree in memory", e);
        }
    }

    /**
     * What {@link #strictly} refused, for people: {@code it has no "seed" (at search.seed)}; no class names.
     */
    public static String problem(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String at = where.isEmpty() ? "" : " (at " + where + ")";
        if (e instanceof UnrecognizedPropertyException u) {
            return "it has a field \"" + u.getPropertyName() + "\" that no file of nn:gridsearch has" + at;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            String why = v.getCause().getMessage();
            return (v.getCause() instanceof NullPointerException ? "\"" + why + "\" is missing or null" : why) + at;
        }
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "it is not of this layout");
        Matcher missing = MISSING.matcher(message);
        if (missing.lookingAt()) {
            return "it has no \"" + missing.group(1) + "\"" + at;
        }
        int detail = message.indexOf(" (");
        return (detail > 0 ? message.substring(0, detail) : message).replaceAll("`[^`]*`", "a value") + at;
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** NaN and the infinities written as {@code null}, which JSON has; {@code null} read back as NaN. */
    private static SimpleModule nonFiniteAsNull() {
        JsonSerializer<Double> write = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
        };
        JsonDeserializer<Double> read = new StdDeserializer<>(Double.class) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (!p.currentToken().isNumeric()) {
                    return (Double) c.handleUnexpectedToken(Double.class, p);
                }
                return p.getDoubleValue();
            }

            @Override
            public Double getNullValue(DeserializationContext c) {
                return Double.NaN;
            }
        };
        return new SimpleModule("non-finite-as-null")
                .addSerializer(Double.class, write).addSerializer(double.class, write)
                .addDeserializer(Double.class, read).addDeserializer(double.class, read);
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
