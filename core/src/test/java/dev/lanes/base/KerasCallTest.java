package dev.lanes.base;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text form of a Keras object with arguments: what it reads, how it writes it back, what it refuses. */
class KerasCallTest {

    @Test
    void readsNamesNumbersBooleansWordsTextsListsAndNone() {
        KerasCall c = KerasCall.parse(" sgd ( momentum = 0.9 , nesterov=True, mode=fan_out, name='my sgd', "
                + "boundaries=[1000, 2e3], clipnorm=None, lr=-1e-3 ) ", "optimizer");
        assertEquals("sgd", c.name());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("momentum", 0.9);
        expected.put("nesterov", true);
        expected.put("mode", "fan_out");
        expected.put("name", "my sgd");
        expected.put("boundaries", List.of(1000.0, 2000.0));
        expected.put("lr", -0.001);
        assertEquals(expected, c.args());
        assertEquals("sgd(momentum=0.9, nesterov=true, mode=fan_out, name=\"my sgd\", boundaries=[1000, 2000], lr=-0.001)",
                c.toString());
        assertEquals(KerasCall.of("adam"), KerasCall.parse("adam", "optimizer"));
        assertEquals(KerasCall.of("adam"), KerasCall.parse("adam()", "optimizer"));
        assertEquals("adam", KerasCall.parse("adam()", "optimizer").toString());
    }

    @Test
    void readsAListOfCallsOrOneCall() {
        assertEquals(List.of(new KerasCall("EarlyStopping", Map.of("patience", 3.0)), KerasCall.of("ReduceLROnPlateau")),
                KerasCall.parseList(" [EarlyStopping(patience=3), ReduceLROnPlateau] ", "callbacks"));
        assertEquals(List.of(KerasCall.of("EarlyStopping")), KerasCall.parseList("EarlyStopping", "callbacks"));
        assertEquals(List.of(), KerasCall.parseList("[]", "callbacks"));
        assertEquals("[EarlyStopping(patience=3), ReduceLROnPlateau]", KerasCall.toString(
                KerasCall.parseList("[EarlyStopping(patience=3),ReduceLROnPlateau()]", "callbacks")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasCall.parseList("[1, a]", "callbacks"));
        assertTrue(e.getMessage().startsWith("Callbacks '[1, a]': expected a list of name(argument=value, ...), not of 1.0 at "
                + "character 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KerasCall.parseList("[a] b", "callbacks"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "huber(2)|Loss 'huber(2)': expected an argument name at character 7, found '2'",
        "sgd(momentum 0.9)|Optimizer 'sgd(momentum 0.9)': expected '=' after argument 'momentum' (every argument is written name=value, as in sgd(momentum=...)) at character 14, found '0'",
        "sgd(momentum=0.9|Optimizer 'sgd(momentum=0.9': expected ',' or ')' at character 17, found the end",
        "sgd(momentum=0.9, momentum=0.5)|Optimizer 'sgd(momentum=0.9, momentum=0.5)': expected argument 'momentum' only once at character 19, found 'm'",
        "sgd(momentum=)|Optimizer 'sgd(momentum=)': expected a value: a number, true, false, None, a word or a quoted text at character 14, found ')'",
        "sgd(momentum=0.9.1)|Optimizer 'sgd(momentum=0.9.1)': expected a value: a number, true, false, None, a word or a quoted text, not '0.9.1' at character 14, found '0'",
        "sgd) |Optimizer 'sgd)': expected the end of the optimizer at character 4, found ')'",
        "(momentum=1)|Optimizer '(momentum=1)': expected a name at character 1, found '('",
        "x(a='open)|Optimizer 'x(a='open)': expected the closing ' at character 6, found 'o'",
        "x(a=[1, None])|Optimizer 'x(a=[1, None])': expected a value (None cannot be in a list) at character 13, found ']'",
    })
    void refusesWhatItCannotReadSayingWhereAndWhat(String text, String message) {
        String what = text.startsWith("huber") ? "loss" : "optimizer";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasCall.parse(text, what));
        assertEquals(message + ". Write name or name(argument=value, ...), e.g. sgd(momentum=0.9, nesterov=true).", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e999", "+-1", "1e"})
    void refusesNumbersThatAreNotFinite(String v) {
        assertThrows(IllegalArgumentException.class, () -> KerasCall.parse("x(a=" + v + ")", "optimizer"));
    }

    /** Seeded random calls: every canonical text reads back equal. */
    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 1000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theCanonicalTextReadsBackEqual(long seed) {
        Rng rng = new Rng(seed);
        Map<String, Object> args = new LinkedHashMap<>();
        int n = rng.nextInt(5);
        for (int i = 0; i < n; i++) {
            args.put("a" + i, value(rng, 2));
        }
        KerasCall c = new KerasCall("name_" + rng.nextInt(10), args);
        assertEquals(c, KerasCall.parse(c.toString(), "value"), c.toString());
        assertTrue(KerasCall.parse(c.toString(), "value").toString().equals(c.toString()));
    }

    private static Object value(Rng rng, int depth) {
        switch (rng.nextInt(depth > 0 ? 5 : 4)) {
            case 0:
                return (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(12) - 6);
            case 1:
                return rng.nextInt(2) == 0;
            case 2:
                return List.of("fan_out", "two words, 1.5", "True", "None", "1e3").get(rng.nextInt(5));
            case 3:
                return (double) rng.nextInt(100_000);
            default:
                List<Object> list = new ArrayList<>();
                for (int i = rng.nextInt(4); i > 0; i--) {
                    list.add(value(rng, depth - 1));
                }
                return List.copyOf(list);
        }
    }
}
