package dev.lanes.maven;

import dev.lanes.base.Suggestions;
import dev.lanes.data.MissingValues;
import dev.lanes.data.Scaling;
import dev.lanes.maven.job.Job;
import dev.lanes.tune.Halving;
import dev.lanes.tune.Scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the plugin's configuration and turns it into a {@link Job}: names of policies, scalings and
 * scorings (with did-you-mean hints), the data file, the grid, the folds. Hyperparameter names and
 * values are left to the core search, which checks them with the same kind of hints.
 */
final class JobFactory {

    /** The metrics every search reports (and the gate's rules can name), in their column order. */
    static final List<String> METRICS = List.of("mse", "rmse", "mae", "r2");

    private JobFactory() {
    }

    /**
     * The data part of the job.
     *
     * @param basedir the project's directory: the worker runs there and opens the file relative to it
     * @throws ConfigurationError when the file or the target is not set, the file does not exist, or a
     *                            value is invalid
     */
    static Job.Data data(DatasetConfig c, Path basedir) {
        if (c == null || c.file == null || c.target == null || c.target.isBlank()) {
            throw new ConfigurationError("The data set is not configured" + (c == null ? "" : c.file == null
                    ? " (no <file>)" : " (no <target>)") + ": add <dataset><file>data/housing.csv</file>"
                    + "<target>price</target></dataset> to the plugin's <configuration>.");
        }
        Path file = c.file.toPath().toAbsolutePath().normalize();
        String shown = shown(file, basedir);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError("The data set file " + shown + " does not exist" + (Files.isDirectory(file)
                    ? " (it is a directory)" : "") + ": <dataset><file> is resolved against the project directory "
                    + basedir + ", so it was looked for at " + file + ".");
        }
        return new Job.Data(shown, c.target.strip(), columns(c.include), columns(c.exclude), delimiter(c.delimiter),
                missing(c.missing), columns(c.categorical));
    }

    /**
     * The search: its type, grids, folds and repeats, the scoring that ranks, and the metrics reported:
     * {@link #METRICS} always, then the configured {@code metrics}, each once, the scoring left out.
     *
     * @throws ConfigurationError for an unknown name or a value out of range
     */
    static Job.Search search(String type, Integer nIter, Map<String, String> grid, List<? extends Map<String, String>> grids,
                             int folds, int repeats, long seed, String scoring, String metrics, boolean returnTrainScore,
                             String featureScaling, String targetScaling, HalvingConfig halving) {
        String searchType = name("search type (<search>)", type, List.of("grid", "random"));
        if (searchType.equals("random") && (nIter == null || nIter < 1)) {
            throw new ConfigurationError("A random search needs <nIter>, the number of candidates to draw (>= 1)"
                    + (nIter == null ? "" : ", got " + nIter) + ".");
        }
        if (searchType.equals("grid") && nIter != null) {
            throw new ConfigurationError("<nIter> " + nIter + " is set but the search is a grid, which tries every "
                    + "combination: set <search>random</search> to draw " + nIter + " candidates, or remove <nIter>.");
        }
        if (folds < 2) {
            throw new ConfigurationError("<folds> must be at least 2 (k-fold cross-validation trains on k-1 folds and "
                    + "tests on the other), got " + folds + ".");
        }
        if (repeats < 1) {
            throw new ConfigurationError("<repeats> must be at least 1 (how many times the K-fold split is made, each "
                    + "time shuffled anew), got " + repeats + ".");
        }
        String primary = scoring("<scoring>", scoring);
        Set<String> extra = new LinkedHashSet<>(METRICS);
        if (metrics != null) {
            for (String m : metrics.split(",")) {
                if (!m.isBlank()) {
                    extra.add(scoring("<metrics>", m));
                }
            }
        }
        extra.remove(primary);
        return new Job.Search(searchType, nIter, GridParser.grids(grid, grids), folds, repeats, seed, primary,
                List.copyOf(extra), returnTrainScore, scaling("<featureScaling>", featureScaling),
                scaling("<targetScaling>", targetScaling), halving == null ? null : halving(halving));
    }

    /** The {@code <halving>} element as core's {@link Halving}, every value checked. */
    static Halving halving(HalvingConfig c) {
        if (c.resource == null || c.resource.isBlank()) {
            throw new ConfigurationError("<halving> needs a <resource>: epochs (the survivors of a round go on training) "
                    + "or n_samples (each round subsamples the rows).");
        }
        Halving h;
        try {
            h = Halving.over(Halving.Resource.valueOf(name("<halving><resource>", c.resource, List.of("epochs", "n_samples"))
                    .toUpperCase(Locale.ROOT)));
            if (c.factor != null) {
                h = h.factor(c.factor);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("<halving><factor>: " + e.getMessage() + ".");
        }
        String min = c.minResources == null ? "exhaust" : c.minResources.strip().toLowerCase(Locale.ROOT);
        if (min.equals("smallest")) {
            h = h.minResourcesSmallest();
        } else if (!min.equals("exhaust")) {
            h = h.minResources(resources("<halving><minResources>", min, "exhaust or smallest"));
        }
        String max = c.maxResources == null ? "auto" : c.maxResources.strip().toLowerCase(Locale.ROOT);
        if (!max.equals("auto")) {
            h = h.maxResources(resources("<halving><maxResources>", max, "auto"));
        }
        return h.aggressiveElimination(c.aggressiveElimination);
    }

    private static int resources(String element, String text, String words) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with what is valid.
        }
        throw new ConfigurationError(element + " must be a whole number >= 1 or " + words + ", got '" + text + "'.");
    }

    /** The number of fits trained at once: as configured, or one per available processor. */
    static int parallelism(Integer configured) {
        if (configured == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (configured < 1) {
            throw new ConfigurationError("<parallelism> must be at least 1 (fits trained at once), got " + configured + ".");
        }
        return configured;
    }

    /** A metric name as the results write it, checked by the core library; {@code element} names it in errors. */
    static String scoring(String element, String name) {
        try {
            return Scoring.fromName(name == null ? "" : name).shortName();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(element + ": " + e.getMessage());
        }
    }

    static String missing(String name) {
        if (name == null || name.isBlank()) {
            return "error";
        }
        return name("missing-value policy (<dataset><missing>)", name.replace('-', '_'),
                Arrays.stream(MissingValues.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }

    static String scaling(String element, String name) {
        return name("scaling (" + element + ")", name,
                Arrays.stream(Scaling.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** One of {@code valid}, ignoring case and surrounding blanks. */
    private static String name(String kind, String given, List<String> valid) {
        String key = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (!valid.contains(key)) {
            throw new ConfigurationError(Suggestions.unknownName(kind, given == null ? "" : given.strip(), valid) + ".");
        }
        return key;
    }

    /** A delimiter: one character, {@code tab} or {@code \t}; null (detect) when not set. */
    static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new ConfigurationError("<dataset><delimiter> must be one character, such as ; or |, or the word tab; got '"
                    + text + "'. Leave it out to detect the delimiter from the header.");
        }
        return text.charAt(0);
    }

    /**
     * Column names, whether configured as {@code <exclude>a,b</exclude>} or as child elements: each entry
     * split at commas and trimmed, empty ones dropped.
     */
    static List<String> columns(List<String> configured) {
        List<String> out = new ArrayList<>();
        if (configured != null) {
            for (String entry : configured) {
                if (entry == null) {
                    continue;
                }
                for (String name : entry.split(",")) {
                    if (!name.isBlank()) {
                        out.add(name.strip());
                    }
                }
            }
        }
        return out;
    }

    /** The path relative to the project directory when it is inside it, else absolute. */
    static String shown(Path file, Path basedir) {
        Path base = basedir.toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
