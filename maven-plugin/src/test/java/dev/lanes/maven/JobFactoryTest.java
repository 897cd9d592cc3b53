package dev.lanes.maven;

import dev.lanes.maven.job.Job;
import dev.lanes.tune.Halving;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobFactoryTest {

    private static final Map<String, String> GRID = Map.of("epochs", "2");

    private static Job.Search search(String type, Integer nIter, int folds, String scoring, String metrics) {
        return JobFactory.search(type, nIter, GRID, null, folds, 1, 42, scoring, metrics, false, "standard", "standard", null);
    }

    @Test
    void theDataFileIsShownRelativeToTheProject(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/a.csv"), "x,y\n1,2\n");
        DatasetConfig c = new DatasetConfig();
        c.file = project.resolve("data/a.csv").toFile();
        c.target = " y ";
        c.exclude = List.of("b, c", "d");
        Job.Data d = JobFactory.data(c, project);
        assertEquals("data" + java.io.File.separator + "a.csv", d.file());
        assertEquals("y", d.target());
        assertEquals(List.of("b", "c", "d"), d.exclude());
        assertEquals(List.of(), d.include());
        assertEquals("error", d.missing());
        assertNull(d.delimiter());
    }

    @Test
    void aMissingFileIsNamedWithWhereItWasLookedFor(@TempDir Path project) {
        DatasetConfig c = new DatasetConfig();
        c.file = project.resolve("data/none.csv").toFile();
        c.target = "y";
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> JobFactory.data(c, project));
        assertTrue(e.getMessage().startsWith("The data set file data" + java.io.File.separator + "none.csv does not exist"),
                e.getMessage());
    }

    @Test
    void fileAndTargetAreRequired(@TempDir Path project) {
        assertThrows(ConfigurationError.class, () -> JobFactory.data(null, project));
        DatasetConfig noTarget = new DatasetConfig();
        noTarget.file = project.resolve("a.csv").toFile();
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> JobFactory.data(noTarget, project));
        assertTrue(e.getMessage().contains("(no <target>)"), e.getMessage());
    }

    @Test
    void missingValuePoliciesAreReadWithHints() {
        assertEquals("drop_row", JobFactory.missing("DROP-ROW"));
        assertEquals("mean", JobFactory.missing(" mean "));
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> JobFactory.missing("drop"));
        assertTrue(e.getMessage().contains("Valid names: error, drop_row, mean"), e.getMessage());
    }

    @Test
    void scalingsAndScoringsAreReadWithHints() {
        assertEquals("minmax", JobFactory.scaling("<featureScaling>", "MinMax"));
        ConfigurationError scaling = assertThrows(ConfigurationError.class,
                () -> JobFactory.scaling("<featureScaling>", "standart"));
        assertTrue(scaling.getMessage().contains("Did you mean 'standard'?"), scaling.getMessage());
        assertEquals("rmse", JobFactory.scoring("<scoring>", "RMSE"));
        ConfigurationError scoring = assertThrows(ConfigurationError.class, () -> JobFactory.scoring("<scoring>", "neg_mse"));
        assertTrue(scoring.getMessage().startsWith("<scoring>: "), scoring.getMessage());
    }

    @Test
    void delimiters() {
        assertNull(JobFactory.delimiter(null));
        assertEquals(';', JobFactory.delimiter(";"));
        assertEquals('\t', JobFactory.delimiter("tab"));
        assertEquals('\t', JobFactory.delimiter("\\t"));
        assertThrows(ConfigurationError.class, () -> JobFactory.delimiter(";;"));
    }

    @Test
    void everySearchReportsTheFourMetricsAndTheConfiguredOnesOnce() {
        Job.Search s = search("grid", null, 3, "RMSE", null);
        assertEquals("rmse", s.scoring());
        assertEquals(List.of("mse", "mae", "r2"), s.extraMetrics());
        assertEquals(List.of("rmse", "mae", "r2", "mape", "msle"), search("grid", null, 3, "mse", " mape, msle,MAPE ").extraMetrics());
        Job.Search sklearnOnly = search("grid", null, 3, "explained_variance", "max_error,MEDIAN_ABSOLUTE_ERROR");
        assertEquals("explained_variance", sklearnOnly.scoring());
        assertEquals(List.of("mse", "rmse", "mae", "r2", "max_error", "median_absolute_error"), sklearnOnly.extraMetrics());
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> search("grid", null, 3, "mse", "mape,maxe"));
        assertTrue(e.getMessage().startsWith("<metrics>: "), e.getMessage());
        assertThrows(ConfigurationError.class, () -> JobFactory.search("grid", null, GRID, null, 3, 0, 42, "mse", null,
                false, "standard", "standard", null));
    }

    @Test
    void foldsBelowTwoAreRefused() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> search("grid", null, 1, "mse", null));
        assertTrue(e.getMessage().startsWith("<folds> must be at least 2"), e.getMessage());
    }

    @Test
    void randomSearchNeedsNIterAndGridRefusesIt() {
        assertEquals(5, search("random", 5, 3, "mse", null).nIter());
        assertThrows(ConfigurationError.class, () -> search("random", null, 3, "mse", null));
        assertThrows(ConfigurationError.class, () -> search("random", 0, 3, "mse", null));
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> search("grid", 5, 3, "mse", null));
        assertTrue(e.getMessage().contains("set <search>random</search>"), e.getMessage());
        ConfigurationError type = assertThrows(ConfigurationError.class, () -> search("randon", 5, 3, "mse", null));
        assertTrue(type.getMessage().contains("Did you mean 'random'?"), type.getMessage());
    }

    @Test
    void parallelismDefaultsToTheProcessors() {
        assertEquals(Runtime.getRuntime().availableProcessors(), JobFactory.parallelism(null));
        assertEquals(3, JobFactory.parallelism(3));
        assertThrows(ConfigurationError.class, () -> JobFactory.parallelism(0));
    }

    @Test
    void columnsAcceptCommasAndElements() {
        assertEquals(List.of("a", "b", "c"), JobFactory.columns(Arrays.asList("a, b", null, "", "c")));
        assertEquals(List.of(), JobFactory.columns(null));
    }

    private static HalvingConfig halving(String resource, Double factor, String min, String max) {
        HalvingConfig c = new HalvingConfig();
        c.resource = resource;
        c.factor = factor;
        c.minResources = min;
        c.maxResources = max;
        return c;
    }

    @Test
    void halvingReadsScikitLearnsParametersAndRefusesBadOnesClearly() {
        assertEquals(Halving.over(Halving.Resource.EPOCHS), JobFactory.halving(halving("Epochs", null, null, null)));
        assertEquals(Halving.over(Halving.Resource.N_SAMPLES).factor(2).minResources(100).maxResources(5000),
                JobFactory.halving(halving("n_samples", 2.0, "100", "5000")));
        assertEquals(Halving.over(Halving.Resource.EPOCHS).minResourcesSmallest().maxResources(15),
                JobFactory.halving(halving("epochs", null, "smallest", " 15 ")));
        assertTrue(assertThrows(ConfigurationError.class, () -> JobFactory.halving(halving(null, null, null, null)))
                .getMessage().startsWith("<halving> needs a <resource>"));
        assertTrue(assertThrows(ConfigurationError.class, () -> JobFactory.halving(halving("epoch", null, null, null)))
                .getMessage().contains("Did you mean 'epochs'?"));
        assertTrue(assertThrows(ConfigurationError.class, () -> JobFactory.halving(halving("epochs", 1.0, null, null)))
                .getMessage().startsWith("<halving><factor>: the halving factor must be a number > 1"));
        assertEquals("<halving><minResources> must be a whole number >= 1 or exhaust or smallest, got 'exhausted'.",
                assertThrows(ConfigurationError.class, () -> JobFactory.halving(halving("epochs", null, "exhausted", null)))
                        .getMessage());
        assertEquals("<halving><maxResources> must be a whole number >= 1 or auto, got '0'.",
                assertThrows(ConfigurationError.class, () -> JobFactory.halving(halving("epochs", null, null, "0")))
                        .getMessage());
    }
}
