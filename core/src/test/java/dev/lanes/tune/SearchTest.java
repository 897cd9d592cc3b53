package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.data.Dataset;
import dev.lanes.data.Fold;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.data.Splits;
import dev.lanes.base.Matrix;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.Model;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTest {

    @TempDir
    static Path dir;
    static Dataset data;

    @BeforeAll
    static void writeData() {
        data = TinyData.write(dir, 200, 7);
    }

    /** Two candidates x 3 folds, 3 epochs, with dropout and shuffling so that every seed matters. */
    private static SearchSpec twoCandidates() {
        return SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4"), "dropout", List.of("0.1"),
                "epochs", List.of(3), "batch_size", List.of(16), "learning_rate", List.of("0.01"))));
    }

    @Test
    void resultsAreBitIdenticalForParallelism1And2And8() {
        SearchResult one = Search.run(data, twoCandidates().parallelism(1));
        assertEquals(2, one.candidates().size());
        for (int parallelism : new int[] {2, 8}) {
            SearchResult other = Search.run(data, twoCandidates().parallelism(parallelism));
            assertEquals(parallelism, other.parallelism());
            for (int c = 0; c < 2; c++) {
                CandidateResult a = one.candidates().get(c);
                CandidateResult b = other.candidates().get(c);
                assertArrayEquals(bits(a.splitScores()), bits(b.splitScores()), "candidate " + c + ", parallelism " + parallelism);
                assertEquals(Double.doubleToRawLongBits(a.meanScore()), Double.doubleToRawLongBits(b.meanScore()));
                assertEquals(Double.doubleToRawLongBits(a.stdScore()), Double.doubleToRawLongBits(b.stdScore()));
                assertArrayEquals(a.epochsRun(), b.epochsRun());
                assertEquals(a.rank(), b.rank());
            }
            assertEquals(one.bestIndex(), other.bestIndex());
            assertArrayEquals(one.refit().orElseThrow().model().weights(), other.refit().orElseThrow().model().weights());
        }
        CandidateResult first = one.candidates().get(0);
        assertNotEquals(first.splitScores()[0], first.splitScores()[1], "folds differ");
        assertTrue(first.ok() && one.candidates().get(1).ok());
    }

    /**
     * Search may train on a scaled, contiguous copy of a fold's training rows instead of the view: the
     * copy must hold the same floats, so that a fit on it ends with the same weights, bit for bit.
     */
    @Test
    void aFitOnAFoldsContiguousCopyEqualsAFitOnItsView() {
        Dataset other = TinyData.write(dir, 120, 11);
        for (Fold fold : Splits.kFold(other.rows(), 3, true, 42)) {
            Preprocessing p = Preprocessing.fit(other, fold.train(), Scaling.STANDARD, Scaling.MINMAX);
            Matrix x = p.features(other, fold.train());
            Matrix y = p.target(other, fold.train());
            Matrix xCopy = Matrix.wrap(x.rows(), x.cols(), x.toArray());
            Matrix yCopy = Matrix.wrap(y.rows(), y.cols(), y.toArray());
            Sequential net = Sequential.input(x.cols()).dense(8, Activation.TANH).dense(1);
            FitOptions options = FitOptions.defaults().epochs(2).batchSize(16).seed(3);
            Model onView = net.build(1);
            Model onCopy = net.build(1);
            onView.fit(x, y, options);
            onCopy.fit(xCopy, yCopy, options);
            assertArrayEquals(onView.weights(), onCopy.weights());
            assertFalse(Arrays.equals(net.build(1).weights(), onView.weights()), "the fit changed the weights");
        }
    }

    /**
     * Keras' CSVLogger and ModelCheckpoint in a grid: each fit (candidate, split) and the refit writes its
     * own files, named by the placeholders; the logs are the same bytes whatever the parallelism and
     * wherever they are written.
     */
    @Test
    void fileCallbacksWriteOneFilePerFit() throws IOException {
        List<byte[]> logs = new ArrayList<>();
        for (int parallelism : new int[] {1, 2}) {
            // another place for each run: where the logs go does not seed the fits
            Path out = dir.resolve("fits-" + parallelism);
            String callbacks = "[CSVLogger(filename='" + out + "/{candidate}-{split}.csv'), ModelCheckpoint(filepath='"
                    + out + "/{candidate}-{split}.lanes', monitor=loss, save_best_only=True)]";
            SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("4", "3"), "epochs",
                    List.of(2), "callbacks", List.of(callbacks)))).folds(3).parallelism(parallelism);
            SearchResult r = Search.run(data, spec);
            assertEquals(2, r.candidates().size());
            for (int c = 0; c < 2; c++) {
                for (String split : new String[] {"0", "1", "2"}) {
                    List<String> lines = Files.readAllLines(out.resolve(c + "-" + split + ".csv"));
                    assertEquals(List.of("epoch", "learning_rate", "loss"), List.of(lines.get(0).split(",")));
                    assertEquals(3, lines.size(), "a header and two epochs");
                    assertEquals(Model.load(out.resolve(c + "-" + split + ".lanes")).spec(),
                            TrainingSetup.of(r.candidates().get(c).params()).network(data.features().cols()));
                    logs.add(Files.readAllBytes(out.resolve(c + "-" + split + ".csv")));
                }
            }
            int best = r.bestIndex().getAsInt();
            assertTrue(Files.exists(out.resolve(best + "-refit.csv")), "the refit has its own log");
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(logs.get(i), logs.get(i + 6), "fit " + i + " logs the same bytes with 1 and 2 threads");
        }
    }

    @Test
    void aDivergingOrFailingFitScoresNaNRanksLastKeepsItsReasonAndTheOthersAreFine() {
        SearchSpace space = SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("10"), "epochs", List.of(3)),
                Map.of("optimizer", List.of("adam"), "learning_rate", List.of("0.01"), "epochs", List.of(3)),
                Map.of("validation_split", List.of("0.999"), "epochs", List.of(3))));
        SearchResult r = Search.run(data, SearchSpec.of(space).targetScaling(Scaling.NONE).parallelism(2));
        CandidateResult diverged = r.candidates().get(0);
        CandidateResult fine = r.candidates().get(1);
        CandidateResult failed = r.candidates().get(2);
        for (SplitResult s : diverged.splits()) {
            assertEquals(SplitResult.Status.DIVERGED, s.status());
            assertTrue(Double.isNaN(s.testScore()));
            assertTrue(s.problem().orElseThrow().startsWith("training loss became"), s.problem().orElseThrow());
        }
        assertTrue(diverged.problems().get(2).startsWith("fold 2: training loss became"));
        assertTrue(Double.isNaN(diverged.meanScore()));
        for (SplitResult s : failed.splits()) {
            assertEquals(SplitResult.Status.FAILED, s.status());
            assertTrue(s.problem().orElseThrow().startsWith("training failed: IllegalArgumentException: No training rows left"),
                    s.problem().orElseThrow());
        }
        assertTrue(fine.ok());
        assertTrue(Double.isFinite(fine.meanScore()) && fine.meanScore() > 0);
        assertEquals(1, fine.rank());
        assertEquals(2, diverged.rank());
        assertEquals(2, failed.rank());
        assertEquals(1, r.bestIndex().getAsInt());
        assertEquals(fine.meanScore(), r.bestScore().getAsDouble());
        assertEquals(KerasCall.of("adam"), r.bestParams().orElseThrow().get("optimizer"));
        assertTrue(r.refit().isPresent());
    }

    @Test
    void aSearchWhereEveryFitFailsHasNoBest() {
        SearchSpace space = SearchSpace.grid(Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("10"),
                "epochs", List.of(2)));
        SearchResult r = Search.run(data, SearchSpec.of(space).targetScaling(Scaling.NONE).parallelism(1));
        assertTrue(r.bestIndex().isEmpty());
        assertTrue(r.bestScore().isEmpty());
        assertTrue(r.bestParams().isEmpty());
        assertTrue(r.refit().isEmpty());
        assertEquals(1, r.candidates().get(0).rank());
    }

    /** One fit redone by hand, its predictions unscaled, the metric computed on the raw target. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Scoring.class)
    void scoresAreInTheTargetsOriginalUnits(Scoring scoring) {
        Map<String, List<?>> grid = Map.of("hidden_layers", List.of("4"), "epochs", List.of(2), "learning_rate", List.of(0.01));
        SearchResult r = Search.run(data, SearchSpec.of(SearchSpace.grid(grid)).scoring(scoring).refit(false).parallelism(1));
        assertTrue(r.refit().isEmpty());
        Fold fold = Splits.kFold(data.rows(), 3, true, 42).get(1);
        Preprocessing p = Preprocessing.fit(data, fold.train(), Scaling.STANDARD, Scaling.STANDARD);
        TrainingSetup setup = TrainingSetup.of(Map.of("hidden_layers", "4", "epochs", 2, "learning_rate", 0.01));
        FitSeeds seeds = FitSeeds.of(42, r.candidates().get(0).candidate(), 1);
        Model model = setup.network(3).build(seeds.weights());
        model.fit(p.features(data, fold.train()), p.target(data, fold.train()), setup.fitOptions(seeds.training()));
        float[] predicted = model.predict(p.features(data, fold.test())).toArray();
        Matrix raw = data.target().select(fold.test());
        double sq = 0;
        double abs = 0;
        double percent = 0;
        double sqLog = 0;
        double mean = 0;
        for (int i = 0; i < predicted.length; i++) {
            mean += raw.get(i, 0) / (double) predicted.length;
        }
        double tot = 0;
        double[] errors = new double[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            double e = raw.get(i, 0) - p.inverseTarget(predicted[i]);
            errors[i] = e;
            sq += e * e;
            abs += Math.abs(e);
            percent += 100 * Math.abs(e) / Math.max(Math.abs(raw.get(i, 0)), 1e-7);
            double logs = Math.log(Math.max(raw.get(i, 0), 1e-7) + 1) - Math.log(Math.max(p.inverseTarget(predicted[i]), 1e-7) + 1);
            sqLog += logs * logs;
            tot += (raw.get(i, 0) - mean) * (raw.get(i, 0) - mean);
        }
        int n = predicted.length;
        double meanError = Arrays.stream(errors).average().orElseThrow();
        double centred = Arrays.stream(errors).map(e -> (e - meanError) * (e - meanError)).sum();
        double[] absolute = Arrays.stream(errors).map(Math::abs).sorted().toArray();
        double expected = switch (scoring) {
            case MSE -> sq / n;
            case RMSE -> Math.sqrt(sq / n);
            case MAE -> abs / n;
            case MAPE -> percent / n;
            case MSLE -> sqLog / n;
            case R2 -> 1 - sq / tot;
            case EXPLAINED_VARIANCE -> 1 - centred / tot;
            case MAX_ERROR -> absolute[n - 1];
            case MEDIAN_ABSOLUTE_ERROR -> (absolute[(n - 1) / 2] + absolute[n / 2]) / 2;
        };
        double actual = r.candidates().get(0).splitScores()[1];
        assertEquals(expected, actual, Math.abs(expected) * 1e-4, scoring + " in original units");
        if (scoring == Scoring.MSE || scoring == Scoring.RMSE || scoring == Scoring.MAE || scoring == Scoring.MAX_ERROR
                || scoring == Scoring.MEDIAN_ABSOLUTE_ERROR) {
            assertTrue(actual > 1000, "an error in dollars, not in standard deviations: " + actual);
        }
    }

    @Test
    void resultsReadLikeCvResults() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("4"), "epochs", List.of(30),
                "validation_split", List.of("0.25"), "early_stopping_patience", List.of(0), "batch_size", List.of("8"),
                "learning_rate", List.of("0.05")));
        SearchResult r = Search.run(data, SearchSpec.of(space).folds(4).scoring(Scoring.RMSE).parallelism(2));
        assertEquals(4, r.splits());
        assertEquals(4, r.fits());
        assertEquals(Scoring.RMSE, r.scoring());
        CandidateResult c = r.candidates().get(0);
        assertEquals(List.of("batch_size", "early_stopping_patience", "epochs", "hidden_layers", "learning_rate", "validation_split"),
                new ArrayList<>(c.params().keySet()));
        assertEquals("0.25", c.paramTexts().get("validation_split"));
        assertEquals(0.25, c.params().get("validation_split"));
        double[] s = c.splitScores();
        double mean = (s[0] + s[1] + s[2] + s[3]) / 4;
        double var = 0;
        for (double v : s) {
            var += (v - mean) * (v - mean) / 4;
        }
        assertEquals(mean, c.meanScore(), 1e-9 * mean);
        assertEquals(Math.sqrt(var), c.stdScore(), 1e-9 * mean, "population std, as numpy");
        assertTrue(c.meanFitSeconds() > 0 && c.stdFitSeconds() >= 0 && c.meanScoreSeconds() > 0);
        for (int epochs : c.epochsRun()) {
            assertTrue(epochs >= 2 && epochs <= 30, "early stopping: " + Arrays.toString(c.epochsRun()));
        }
        assertTrue(Arrays.stream(c.epochsRun()).anyMatch(e -> e < 30), "patience 0 stops early somewhere");
        assertEquals(Map.of("batch_size", "8", "early_stopping_patience", "0", "epochs", "30", "hidden_layers", "4",
                "learning_rate", "0.05", "validation_split", "0.25"), r.bestParamTexts().orElseThrow());
        assertTrue(r.wallSeconds() > 0);
    }

    @Test
    void theRefitPredictsRawDataInOriginalUnits() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("16"), "epochs", List.of(40),
                "learning_rate", List.of(0.01)));
        SearchResult r = Search.run(data, SearchSpec.of(space).parallelism(2));
        FittedModel fitted = r.refit().orElseThrow();
        assertEquals(r.candidates().get(0).candidate(), fitted.candidate());
        assertEquals(40, fitted.history().epochsRun());
        float[] predicted = fitted.predict(data.features()).toArray();
        float[] target = data.target().toArray();
        double sq = 0;
        double tot = 0;
        double mean = Arrays.stream(toDouble(target)).average().orElseThrow();
        for (int i = 0; i < target.length; i++) {
            sq += (target[i] - predicted[i]) * (double) (target[i] - predicted[i]);
            tot += (target[i] - mean) * (target[i] - mean);
        }
        assertTrue(1 - sq / tot > 0.8, "R2 on the training rows " + (1 - sq / tot));
    }

    @Test
    void theListenerHearsOfEveryFitOneAtATime() {
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("4", "8", "2"),
                "epochs", List.of(2)))).parallelism(2).refit(false);
        AtomicInteger inside = new AtomicInteger();
        List<SearchProgress> seen = new ArrayList<>();
        SearchResult r = Search.run(data, spec, p -> {
            assertEquals(1, inside.incrementAndGet(), "one call at a time");
            seen.add(p);
            Thread.yield();
            inside.decrementAndGet();
        });
        assertEquals(9, seen.size());
        for (int i = 0; i < 9; i++) {
            assertEquals(i + 1, seen.get(i).fitsDone());
            assertEquals(9, seen.get(i).fitsTotal());
        }
        SearchProgress last = seen.get(8);
        assertEquals(0, last.eta().toNanos());
        assertEquals(r.bestScore().getAsDouble(), last.bestMeanScore().getAsDouble());
        assertTrue(seen.get(0).bestMeanScore().isEmpty(), "no candidate is complete after one fit");
        assertTrue(last.toString().matches("fit 9/9 \\(100%\\), \\d+:\\d\\d elapsed, ETA 0:00, best .*"), last.toString());
    }

    @Test
    void aThrowingListenerStopsTheSearchAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("listener broke");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Search.run(data,
                twoCandidates().parallelism(2), p -> {
                    throw boom;
                }));
        assertSame(boom, thrown);
    }

    /**
     * Three fits that fail at once (no training rows left) and six that never end: the failing candidate
     * has the costliest network, so {@link FitSchedule} hands its fits out first, and the test waits for
     * them (a latch) while the endless ones run. The endless fits stop at the end of an epoch; without
     * that, {@code await} would not return and the time-out (a guard against hangs only) would fail.
     */
    @Test
    @Timeout(120)
    void cancellingStopsRunningFitsAndAwaitSaysSo() throws InterruptedException {
        SearchSpace space = SearchSpace.grid(List.of(
                Map.of("hidden_layers", List.of("64-64"), "validation_split", List.of("0.999"),
                        "epochs", List.of(Integer.MAX_VALUE)),
                Map.of("hidden_layers", List.of("8", "4"), "epochs", List.of(1_000_000_000), "batch_size", List.of(8))));
        CountDownLatch quickFits = new CountDownLatch(3);
        Search search = Search.start(data, SearchSpec.of(space).parallelism(2), p -> quickFits.countDown());
        try {
            assertEquals(9, search.fitsTotal());
            assertTrue(quickFits.await(100, TimeUnit.SECONDS));
            search.cancel();
            SearchCancelledException e = assertThrows(SearchCancelledException.class, search::await);
            assertTrue(search.isDone());
            assertEquals(3, e.fitsDone());
            assertEquals(9, e.fitsTotal());
            assertEquals("The search was cancelled after 3 of 9 fits; it has no result", e.getMessage());
        } finally {
            search.cancel();
        }
    }

    @Test
    @Timeout(120)
    void cancellingBeforeAnyFitEndsStartsNothingNew() throws InterruptedException {
        SearchSpec endless = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("8", "16"),
                "epochs", List.of(Integer.MAX_VALUE)))).parallelism(1);
        AtomicInteger heard = new AtomicInteger();
        Search search = Search.start(data, endless, p -> heard.incrementAndGet());
        search.cancel();
        SearchCancelledException e = assertThrows(SearchCancelledException.class, search::await);
        assertEquals(0, e.fitsDone());
        assertEquals(0, heard.get());
    }

    @Test
    void invalidCandidatesFailBeforeAnyTraining() {
        AtomicInteger fits = new AtomicInteger();
        SearchSpace random = SearchSpace.random(Map.of("early_stopping_patience", "int_range(1, 3)"), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Search.run(data, SearchSpec.of(random), p -> fits.incrementAndGet()));
        assertTrue(e.getMessage().startsWith("Candidate 0 {early_stopping_patience="), e.getMessage());
        assertEquals(0, fits.get());
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void specDefaultsAndChecks() {
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of("epochs", List.of(1))));
        assertEquals(3, spec.folds());
        assertEquals(42, spec.seed());
        assertEquals(Scoring.MSE, spec.scoring());
        assertEquals(Runtime.getRuntime().availableProcessors(), spec.parallelism());
        assertEquals(Scaling.STANDARD, spec.featureScaling());
        assertEquals(Scaling.STANDARD, spec.targetScaling());
        assertTrue(spec.refit());
        assertEquals("folds must be an integer >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> spec.folds(1)).getMessage());
        assertEquals("parallelism must be an integer >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> spec.parallelism(0)).getMessage());
        assertEquals("repeats must be an integer >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> spec.repeats(0)).getMessage());
        assertEquals(List.of(Scoring.RMSE, Scoring.MAE, Scoring.R2),
                spec.scoring(Scoring.RMSE).metrics(Scoring.MAE, Scoring.RMSE, Scoring.R2, Scoring.MAE).allMetrics());
        assertEquals(Scoring.R2, Scoring.fromName("r2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scoring.fromName("neg_mean_squared_error"))
                .getMessage().startsWith("Unknown scoring 'neg_mean_squared_error'. Valid names: mse, rmse, mae, mape, msle, r2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scoring.fromName("rmes"))
                .getMessage().contains("Did you mean"));
    }

    /** Every metric is scored from the same fits: each equals, bit for bit, a search ranked by that metric alone. */
    @Test
    void aMultiMetricSearchScoresEachMetricAsASingleMetricSearchDoes() {
        SearchSpec multi = twoCandidates().parallelism(2).scoring(Scoring.RMSE)
                .metrics(Scoring.MSE, Scoring.MAE, Scoring.MAPE, Scoring.MSLE, Scoring.R2).refit(false);
        SearchResult all = Search.run(data, multi);
        assertEquals(List.of(Scoring.RMSE, Scoring.MSE, Scoring.MAE, Scoring.MAPE, Scoring.MSLE, Scoring.R2), all.metrics());
        for (Scoring m : all.metrics()) {
            SearchResult one = Search.run(data, multi.scoring(m).metrics(List.of()));
            assertEquals(List.of(m), one.metrics());
            for (int c = 0; c < 2; c++) {
                CandidateResult a = all.candidates().get(c);
                CandidateResult b = one.candidates().get(c);
                assertArrayEquals(bits(b.splitScores()), bits(a.splitScores(m)), m + ", candidate " + c);
                assertEquals(Double.doubleToRawLongBits(b.meanScore()), Double.doubleToRawLongBits(a.meanScore(m)));
                assertEquals(b.rank(), a.rank(m), m + " ranks as a search by " + m + " alone");
            }
        }
    }

    @Test
    void trainScoresAreTheFitsOwnTrainingRowsScoredOnRequest() {
        SearchSpec spec = twoCandidates().parallelism(2).scoring(Scoring.RMSE).metrics(Scoring.R2).refit(false);
        SearchResult without = Search.run(data, spec);
        SearchResult with = Search.run(data, spec.returnTrainScore(true));
        CandidateResult c = with.candidates().get(0);
        assertFalse(without.candidates().get(0).hasTrainScores());
        assertTrue(c.hasTrainScores());
        assertArrayEquals(bits(without.candidates().get(0).splitScores()), bits(c.splitScores()), "test scores unchanged");
        for (Scoring m : List.of(Scoring.RMSE, Scoring.R2)) {
            for (double train : c.splitTrainScores(m)) {
                assertTrue(Double.isFinite(train), m + " on the training rows");
            }
        }
        assertTrue(c.meanTrainScore(Scoring.R2) > c.meanScore(Scoring.R2) - 0.5);
    }

    /** A candidate's seeds come from its parameters: put in another grid, at another index, it scores the same. */
    @Test
    void addingValuesToAGridLeavesTheScoresOfTheCandidatesThatWereThere() {
        SearchResult before = Search.run(data, SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4"),
                "activation", List.of("relu", "tanh"), "epochs", List.of(3), "batch_size", List.of(16)))).parallelism(2).refit(false));
        SearchResult after = Search.run(data, SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("4", "8", "6-4"),
                "activation", List.of("elu", "relu", "tanh"), "epochs", List.of(3), "batch_size", List.of(16))))
                .parallelism(2).refit(false));
        assertEquals(9, after.candidates().size());
        for (CandidateResult old : before.candidates()) {
            CandidateResult now = after.candidates().stream().filter(c -> c.candidate().canonical().equals(old.candidate().canonical()))
                    .findFirst().orElseThrow();
            assertNotEquals(old.index(), now.index(), "it moved in the grid");
            assertArrayEquals(bits(old.splitScores()), bits(now.splitScores()), old.candidate().toString());
        }
    }

    @Test
    void candidatesThatAreTheSameOnceNormalisedAreTriedOnceAndTheNotesSaySo() {
        SearchResult r = Search.run(data, SearchSpec.of(SearchSpace.grid(Map.of("activation", List.of("relu", "Relu", "tanh"),
                "learning_rate", List.of("0.010", "0.01"), "epochs", List.of(2)))).parallelism(2).refit(false));
        assertEquals(2, r.candidates().size());
        assertEquals(List.of(0, 1), r.candidates().stream().map(CandidateResult::index).toList());
        assertEquals("relu", r.candidates().get(0).paramTexts().get("activation"));
        assertEquals("tanh", r.candidates().get(1).paramTexts().get("activation"));
        assertEquals(4, r.notes().size(), r.notes().toString());
        assertEquals("candidate 1 {activation=relu, epochs=2, learning_rate=0.01} is candidate 0 {activation=relu, epochs=2, "
                + "learning_rate=0.010} once names and values are normalised: it is tried once", r.notes().get(0));
    }

    @Test
    void repeatedKFoldFitsEveryCandidateOnRepeatsTimesKSplitsTheFirstRoundBeingKFold() {
        SearchSpec once = twoCandidates().parallelism(2).refit(false);
        SearchResult single = Search.run(data, once);
        SearchResult repeated = Search.run(data, once.repeats(3));
        assertEquals(9, repeated.splits());
        assertEquals(18, repeated.fits());
        for (int c = 0; c < 2; c++) {
            double[] three = single.candidates().get(c).splitScores();
            double[] nine = repeated.candidates().get(c).splitScores();
            assertEquals(9, nine.length);
            assertArrayEquals(bits(three), bits(Arrays.copyOf(nine, 3)), "round 0 is the plain K-fold");
            assertEquals(9, Arrays.stream(nine).distinct().count(), "every split is its own fit");
        }
    }

    @Test
    void theResultSaysHowBusyTheFitThreadsWere() {
        SearchResult r = Search.run(data, twoCandidates().parallelism(2));
        assertTrue(r.cvWallSeconds() > 0 && r.cvWallSeconds() <= r.wallSeconds());
        assertTrue(r.fitCpuSeconds() > 0, "CPU time is measured on HotSpot");
        double u = r.coreUtilisation();
        assertTrue(u > 0 && u <= 1.05, "utilisation " + u);
    }

    /** Six candidates, halved over epochs with factor 2: the rounds, the rows, and the best from the last. */
    @Test
    void halvingOverEpochsRunsRoundsAndPicksTheBestOfTheLast() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4", "4"),
                "learning_rate", List.of("0.01", "0.003"), "batch_size", List.of(16)));
        Halving halving = Halving.over(Halving.Resource.EPOCHS).factor(2).maxResources(8);
        SearchResult r = Search.run(data, SearchSpec.of(space).scoring(Scoring.RMSE).parallelism(2).halving(halving));
        // required 1 + floor(log2 6) = 3 rounds, 'exhaust' starts at 8 // 2^2 = 2 epochs.
        assertEquals(List.of(new Halving.Round(0, 6, 2), new Halving.Round(1, 3, 4), new Halving.Round(2, 2, 8)), r.rounds());
        assertEquals(11, r.candidates().size());
        assertEquals(33, r.fits());
        for (CandidateResult row : r.candidates()) {
            assertEquals(String.valueOf(r.resources(row)), row.paramTexts().get("epochs"), "the round's epochs are a parameter");
            assertTrue(Arrays.stream(row.epochsRun()).allMatch(e -> e == r.resources(row)));
        }
        CandidateResult best = r.best().orElseThrow();
        assertEquals(2, best.round());
        for (CandidateResult row : r.candidates().subList(9, 11)) {
            assertTrue(best.meanScore() <= row.meanScore());
        }
        // The survivors of the first round are its best 3 of 6, by mean test RMSE.
        List<Map<String, String>> kept = r.candidates().subList(6, 9).stream().map(SearchTest::withoutEpochs).toList();
        for (CandidateResult in : r.candidates().subList(0, 6)) {
            for (CandidateResult out : r.candidates().subList(0, 6)) {
                if (kept.contains(withoutEpochs(in)) && !kept.contains(withoutEpochs(out))) {
                    assertTrue(in.meanScore() <= out.meanScore(), in + " kept before " + out);
                }
            }
        }
        assertEquals("8", r.refit().orElseThrow().candidate().texts().get("epochs"));
    }

    private static Map<String, String> withoutEpochs(CandidateResult c) {
        Map<String, String> params = new java.util.TreeMap<>(c.paramTexts());
        params.remove("epochs");
        return params;
    }

    @Test
    void halvingIsBitIdenticalForParallelism1And2And8() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4", "4"), "dropout", List.of("0.1"),
                "learning_rate", List.of("0.01", "0.003"), "batch_size", List.of(16)));
        for (Halving h : List.of(Halving.over(Halving.Resource.EPOCHS).factor(2).maxResources(6),
                Halving.over(Halving.Resource.N_SAMPLES).factor(2))) {
            SearchResult one = Search.run(data, SearchSpec.of(space).parallelism(1).halving(h));
            for (int parallelism : new int[] {2, 8}) {
                SearchResult other = Search.run(data, SearchSpec.of(space).parallelism(parallelism).halving(h));
                assertEquals(one.rounds(), other.rounds());
                assertEquals(one.candidates().size(), other.candidates().size());
                for (int row = 0; row < one.candidates().size(); row++) {
                    CandidateResult a = one.candidates().get(row);
                    CandidateResult b = other.candidates().get(row);
                    assertEquals(a.paramTexts(), b.paramTexts());
                    assertArrayEquals(bits(a.splitScores()), bits(b.splitScores()), h + ", row " + row + ", parallelism " + parallelism);
                }
                assertEquals(one.bestIndex(), other.bestIndex());
                assertArrayEquals(one.refit().orElseThrow().model().weights(), other.refit().orElseThrow().model().weights());
            }
        }
    }

    @Test
    void halvingOverRowsSubsamplesEachRound() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "4"), "learning_rate", List.of("0.01", "0.003"),
                "epochs", List.of(3)));
        SearchResult r = Search.run(data, SearchSpec.of(space).parallelism(2)
                .halving(Halving.over(Halving.Resource.N_SAMPLES).factor(2)));
        // 4 candidates: 3 rounds required, 'exhaust' starts at 200 // 4 = 50 rows.
        assertEquals(List.of(new Halving.Round(0, 4, 50), new Halving.Round(1, 2, 100), new Halving.Round(2, 1, 200)), r.rounds());
        assertEquals(2, r.best().orElseThrow().round());
        assertEquals("3", r.best().orElseThrow().paramTexts().get("epochs"));
    }

    /** scikit-learn's 'smallest' is 2 x cv.get_n_splits(), and a repeated K-fold's splits count every repeat. */
    @Test
    void smallestRowsCountEveryRepeatedSplit() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "4"), "epochs", List.of(1)));
        SearchResult r = Search.run(data, SearchSpec.of(space).folds(3).repeats(2).parallelism(2)
                .halving(Halving.over(Halving.Resource.N_SAMPLES).factor(2).minResourcesSmallest()));
        assertEquals(List.of(new Halving.Round(0, 2, 2 * 3 * 2), new Halving.Round(1, 1, 2 * 2 * 3 * 2)), r.rounds());
    }

    @Test
    void halvingWorksOnRandomCandidatesToo() {
        SearchSpace random = SearchSpace.random(Map.of("hidden_layers", List.of("8", "4"),
                "learning_rate", "log_uniform(0.001, 0.03)", "epochs", List.of(3)), 5);
        SearchResult r = Search.run(data, SearchSpec.of(random).parallelism(2)
                .halving(Halving.over(Halving.Resource.N_SAMPLES).factor(2)));
        // 5 candidates: 3 rounds required, 'exhaust' starts at 200 // 4 = 50 rows.
        assertEquals(List.of(new Halving.Round(0, 5, 50), new Halving.Round(1, 3, 100), new Halving.Round(2, 2, 200)), r.rounds());
        assertEquals(10, r.candidates().size());
        assertEquals(2, r.best().orElseThrow().round());
    }

    /** Each fit keeps its training loss per epoch: all epochs of a fit that trained, up to the blow-up of one that diverged. */
    @Test
    void everyFitKeepsItsTrainingLossPerEpoch() {
        SearchSpace space = SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("20"), "epochs", List.of(4)),
                Map.of("optimizer", List.of("adam"), "learning_rate", List.of("0.01"), "epochs", List.of(4))));
        SearchResult r = Search.run(data, SearchSpec.of(space).targetScaling(Scaling.NONE).folds(3).parallelism(2));
        for (CandidateResult c : r.candidates()) {
            for (SplitResult s : c.splits()) {
                assertEquals(s.epochsRun(), s.trainingLoss().size(), c.paramTexts() + " split " + s.fold());
                if (s.ok()) {
                    assertTrue(s.trainingLoss().stream().allMatch(Double::isFinite), s.trainingLoss().toString());
                    assertTrue(s.trainingLoss().get(3) < s.trainingLoss().get(0), "adam lowers the loss: " + s.trainingLoss());
                } else {
                    assertEquals(SplitResult.Status.DIVERGED, s.status());
                }
            }
        }
    }

    /** The best candidate's fits trained again give its out-of-fold predictions: fold by fold, its CV scores. */
    @Test
    void outOfFoldPredictionsAreTheCrossValidationFits() {
        SearchSpace space = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "4"), "epochs", List.of(3)));
        SearchResult plain = Search.run(data, SearchSpec.of(space).folds(3).parallelism(2));
        assertTrue(plain.outOfFold().isEmpty(), "off by default");
        SearchResult r = Search.run(data, SearchSpec.of(space).folds(3).parallelism(2).metrics(Scoring.RMSE).outOfFold(true));
        OutOfFold oof = r.outOfFold().orElseThrow();
        assertEquals(data.rows(), oof.actual().size());
        double[] targets = toDoubles(data.target().toArray());
        double[] actual = oof.actual().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(targets);
        Arrays.sort(actual);
        assertArrayEquals(targets, actual, 1e-6 * Arrays.stream(targets).map(Math::abs).max().orElse(1), "each row once");
        CandidateResult best = r.best().orElseThrow();
        int from = 0;
        for (int s = 0; s < 3; s++) {
            int size = data.rows() / 3 + (s < data.rows() % 3 ? 1 : 0);
            double sum = 0;
            for (int i = from; i < from + size; i++) {
                double e = oof.actual().get(i) - oof.predicted().get(i);
                sum += e * e;
            }
            double rmse = Math.sqrt(sum / size);
            double cv = best.splits().get(s).testScore(Scoring.RMSE);
            assertEquals(cv, rmse, 1e-4 * cv, "fold " + s);
            from += size;
        }
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** A candidate whose fits diverge scores NaN and never goes on, even when the round could keep more. */
    @Test
    void aDivergedCandidateIsEliminatedNeverPromoted() {
        SearchSpace space = SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("10", "20")),
                Map.of("optimizer", List.of("adam"), "learning_rate", List.of("0.01"))));
        SearchResult r = Search.run(data, SearchSpec.of(space).targetScaling(Scaling.NONE).parallelism(2)
                .halving(Halving.over(Halving.Resource.EPOCHS).factor(2).maxResources(4)));
        assertEquals(3, r.rounds().get(0).candidates());
        assertEquals(1, r.rounds().get(1).candidates(), "ceil(3 / 2) = 2 may go on, but only one has a score");
        CandidateResult last = r.candidates().get(r.candidates().size() - 1);
        assertEquals("adam", last.paramTexts().get("optimizer"));
        assertEquals(last.index(), r.bestIndex().getAsInt());
    }

    @Test
    void halvingOverEpochsRefusesAGridThatSetsThem() {
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of("epochs", List.of(3, 5))))
                .halving(Halving.over(Halving.Resource.EPOCHS));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Search.run(data, spec)).getMessage()
                .startsWith("epochs is the resource of the halving search, so the grid cannot set it"));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
