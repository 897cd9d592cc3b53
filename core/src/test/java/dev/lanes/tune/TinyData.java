package dev.lanes.tune;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.base.Rng;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small regression data set written as CSV and loaded through {@link Dataset}: three features and a
 * target in "dollars" ({@code 200000 + 50000 x0 - 30000 x1 + 10000 x2^2} plus noise), so that scores in
 * original units are far from scores in scaled units.
 */
final class TinyData {

    private TinyData() {
    }

    static Dataset write(Path dir, int rows, long seed) {
        Rng rng = new Rng(seed);
        StringBuilder csv = new StringBuilder("x0,x1,x2,price\n");
        for (int r = 0; r < rows; r++) {
            double x0 = rng.nextGaussian();
            double x1 = 3 * rng.nextDouble();
            double x2 = rng.nextGaussian();
            double y = 200_000 + 50_000 * x0 - 30_000 * x1 + 10_000 * x2 * x2 + 5_000 * rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.1f%n", x0, x1, x2, y));
        }
        Path file = dir.resolve("tiny-" + rows + "-" + seed + ".csv");
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Dataset.load(file, DataSpec.target("price"));
    }
}
