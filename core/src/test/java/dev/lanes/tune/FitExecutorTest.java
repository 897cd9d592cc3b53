package dev.lanes.tune;

import dev.lanes.data.Dataset;
import dev.lanes.data.Scaling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search whose fits run through a {@link FitExecutor} gives the result of the local search, bit for
 * bit. The executor here does what a cluster does at worst: every fit runs on its own deserialized copy
 * of the {@link SearchFits} (so no halving session carries over), in reverse order, on other threads,
 * and each result comes back serialized.
 */
class FitExecutorTest {

    @TempDir
    static Path dir;
    static Dataset data;

    @BeforeAll
    static void writeData() {
        data = TinyData.write(dir, 200, 11);
    }

    /** Runs every task on a fresh copy of the fits, last task first, on two threads. */
    static final class CopyingExecutor implements FitExecutor {
        int rounds;

        @Override
        public void run(SearchFits fits, List<FitTask> tasks, BiConsumer<FitTask, SplitResult> results,
                        BooleanSupplier cancelled) throws InterruptedException {
            rounds++;
            byte[] shipped = serialize(fits);
            List<FitTask> reversed = new ArrayList<>(tasks);
            Collections.reverse(reversed);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (FitTask task : reversed) {
                    byte[] sentTask = serialize(task);
                    futures.add(pool.submit(() -> {
                        SearchFits copy = (SearchFits) deserialize(shipped);
                        FitTask t = (FitTask) deserialize(sentTask);
                        SplitResult r = (SplitResult) deserialize(serialize(copy.fit(t, cancelled)));
                        results.accept(t, r);
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        @Override
        public String describe() {
            return "copies on 2 threads";
        }
    }

    static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<SearchSpec> specs() {
        SearchSpace grid = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4"), "dropout", List.of("0.1"),
                "epochs", List.of(3), "batch_size", List.of(16), "learning_rate", List.of("0.01", "3e-3")));
        SearchSpace random = SearchSpace.random(Map.of("hidden_layers", List.of("8", "4"),
                "learning_rate", "log_uniform(0.001, 0.03)", "epochs", List.of(3)), 4);
        SearchSpace halvable = SearchSpace.grid(Map.of("hidden_layers", List.of("8", "6-4", "4"), "dropout", List.of("0.1"),
                "learning_rate", List.of("0.01", "0.003"), "batch_size", List.of(16)));
        SearchSpace diverging = SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("10"), "epochs", List.of(3)),
                Map.of("optimizer", List.of("adam"), "learning_rate", List.of("0.01"), "epochs", List.of(3))));
        return Stream.of(
                SearchSpec.of(grid).metrics(Scoring.MAE, Scoring.R2).returnTrainScore(true),
                SearchSpec.of(grid).folds(2).repeats(2).seed(5),
                SearchSpec.of(random).seed(9),
                SearchSpec.of(halvable).halving(Halving.over(Halving.Resource.EPOCHS).factor(2).maxResources(6)),
                SearchSpec.of(halvable).halving(Halving.over(Halving.Resource.N_SAMPLES).factor(2)),
                SearchSpec.of(diverging).targetScaling(Scaling.NONE));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void fitsRunThroughAnExecutorGiveTheLocalResultBitForBit(SearchSpec spec) throws InterruptedException {
        SearchResult local = Search.run(data, spec.parallelism(2));
        CopyingExecutor executor = new CopyingExecutor();
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        SearchResult remote = Search.start(data, spec.parallelism(2), p -> heard.add(p.fitsDone()), executor).await();
        assertSameResult(local, remote);
        assertEquals(Math.max(1, local.rounds().size()), executor.rounds);
        assertEquals(local.candidates().size() * local.splits(), heard.size(), "the listener hears of every fit");
        assertTrue(Double.isNaN(remote.fitCpuSeconds()), "CPU time on other JVMs is not measured here");
    }

    static void assertSameResult(SearchResult a, SearchResult b) {
        assertEquals(a.rounds(), b.rounds());
        assertEquals(a.notes(), b.notes());
        assertEquals(a.candidates().size(), b.candidates().size());
        for (int row = 0; row < a.candidates().size(); row++) {
            CandidateResult x = a.candidates().get(row);
            CandidateResult y = b.candidates().get(row);
            assertEquals(x.paramTexts(), y.paramTexts());
            assertEquals(x.problems(), y.problems());
            assertArrayEquals(x.epochsRun(), y.epochsRun());
            for (Scoring m : a.metrics()) {
                assertArrayEquals(bits(x.splitScores(m)), bits(y.splitScores(m)), "row " + row + " " + m);
                assertArrayEquals(bits(x.splitTrainScores(m)), bits(y.splitTrainScores(m)), "row " + row + " train " + m);
                assertEquals(x.rank(m), y.rank(m));
            }
        }
        assertEquals(a.bestIndex(), b.bestIndex());
        assertEquals(a.refit().isPresent(), b.refit().isPresent());
        if (a.refit().isPresent()) {
            assertArrayEquals(a.refit().get().model().weights(), b.refit().get().model().weights());
        }
    }

    @Test
    void theSerialFormOfTheFitsKeepsTheCandidatesAndTheirSeeds() {
        SearchSpec spec = specs().toList().get(2);
        SearchFits fits = SearchFits.of(data, spec, new ArrayList<>());
        SearchFits copy = (SearchFits) deserialize(serialize(fits));
        assertEquals(fits.candidates().size(), copy.candidates().size());
        for (int c = 0; c < fits.candidates().size(); c++) {
            assertEquals(fits.candidates().get(c).params(), copy.candidates().get(c).params());
            assertEquals(fits.candidates().get(c).texts(), copy.candidates().get(c).texts());
            assertEquals(FitSeeds.of(42, fits.candidates().get(c), 1), FitSeeds.of(42, copy.candidates().get(c), 1));
        }
        assertEquals(data.featureNames(), copy.data().featureNames());
        assertEquals(data.source(), copy.data().source());
        assertArrayEquals(data.features().toArray(), copy.data().features().toArray());
        assertArrayEquals(data.target().toArray(), copy.data().target().toArray());
    }

    /** A cancelled search stops the executor's round: its fits see the flag after their current epoch. */
    @Test
    void cancellingReachesTheExecutorsFits() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        FitExecutor blocking = new FitExecutor() {
            @Override
            public void run(SearchFits fits, List<FitTask> tasks, BiConsumer<FitTask, SplitResult> results,
                            BooleanSupplier cancelled) throws InterruptedException {
                started.countDown();
                while (!cancelled.getAsBoolean()) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            }

            @Override
            public String describe() {
                return "waits for the cancel";
            }
        };
        Search search = Search.start(data, specs().findFirst().orElseThrow(), p -> { }, blocking);
        assertTrue(started.await(60, TimeUnit.SECONDS));
        search.cancel();
        SearchCancelledException e = assertThrows(SearchCancelledException.class, search::await);
        assertEquals(0, e.fitsDone());
    }

    private static long[] bits(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
