package dev.lanes.data;

import dev.lanes.base.Cells;
import dev.lanes.base.Rng;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The number syntax of cells, checked on seeded random inputs. */
class CellsTest {

    /** The documented syntax, written independently of the hand-written scanner. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String ALPHABET = "0123456789+-.eExXpfdDNaI ";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void scannerAcceptsExactlyTheDocumentedSyntax(long seed) {
        Rng rng = new Rng(seed);
        for (int i = 0; i < 10_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + rng.nextInt(8);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
            }
            String token = s.toString().trim();
            if (!token.isEmpty()) {
                assertEquals(DECIMAL.matcher(token).matches(), Cells.isDecimal(token), token);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void finiteFloatsSurviveACsvRoundTripBitForBit(long seed, @TempDir Path dir) throws IOException {
        Rng rng = new Rng(seed);
        int rows = 500;
        float[] expected = new float[rows];
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < rows; r++) {
            float v;
            do {
                v = Float.intBitsToFloat((int) rng.nextLong());
            } while (Float.isNaN(v) || Float.isInfinite(v));
            expected[r] = v;
            csv.append(' ').append(v).append(" ,").append(r).append('\n');
        }
        Path file = dir.resolve("floats.csv");
        Files.writeString(file, csv);
        float[] read = Dataset.load(file, DataSpec.target("y")).features().toArray();
        for (int r = 0; r < rows; r++) {
            assertEquals(Float.floatToIntBits(expected[r]), Float.floatToIntBits(read[r]), "row " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e", "0x1p3", "1.5f", "2d", "1.2.3", "--1", "1e5e", ".", "+", "1e+", "1 000"})
    void malformedNumbersAreRejectedWithALineAndColumn(String cell, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,2\n" + cell + ",3\n");
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertEquals(file + ":3:1 (x): '" + cell + "' is not a number; write numbers like 12, -0.5 or 1.5e-3"
                + " (decimal point, no thousands separator)", e.getMessage());
    }
}
