package dev.lanes.maven;

import dev.lanes.maven.job.OutputFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output directory's publication: a run is reused only when every file is the one its fingerprint
 * lists, and a process killed ({@code kill -9}) at any moment of writing and publishing runs leaves the
 * previous complete run or files that no fingerprint vouches for, never a torn file under a result's name.
 */
class PublicationTest {

    private static final Fingerprint FINGERPRINT = new Fingerprint("# test fingerprint\nconfiguration: {}\n");
    private static final String END = "end of round ";

    @TempDir
    Path out;

    @Test
    void aPublishedRunMatchesItsFingerprintAndNoOther() throws IOException {
        writeRun(Publication.freshStaging(out), 1);
        Publication.publish(out, FINGERPRINT);
        assertTrue(FINGERPRINT.matches(out));
        assertFalse(new Fingerprint("# another configuration\n").matches(out));
        assertFalse(Files.exists(OutputFiles.staging(out)), "the staging directory is removed");
        assertTrue(Files.readString(out.resolve(OutputFiles.FINGERPRINT))
                .matches("(?s).*sha256: [0-9a-f]{64} " + OutputFiles.RESULTS + "\n.*"));
    }

    @Test
    void aChangedMissingOrExtraFileIsNotReused() throws IOException {
        writeRun(Publication.freshStaging(out), 1);
        Publication.publish(out, FINGERPRINT);
        Files.writeString(out.resolve(OutputFiles.CSV), "edited\n");
        assertFalse(FINGERPRINT.matches(out), "a changed file");

        writeRun(Publication.freshStaging(out), 2);
        Publication.publish(out, FINGERPRINT);
        Files.delete(out.resolve(OutputFiles.HTML));
        assertFalse(FINGERPRINT.matches(out), "a missing file");

        writeRun(Publication.freshStaging(out), 3);
        Files.delete(OutputFiles.staging(out).resolve(OutputFiles.MODEL));
        Publication.publish(out, FINGERPRINT);
        assertTrue(FINGERPRINT.matches(out), "a run without a model (its refit failed) is complete");
        assertFalse(Files.exists(out.resolve(OutputFiles.MODEL)), "the previous run's model is not left beside it");
        Files.writeString(out.resolve(OutputFiles.MODEL), "a model from elsewhere");
        assertFalse(FINGERPRINT.matches(out), "an extra file");
    }

    @Test
    void aFailedRunLeavesThePreviousCompleteRun() throws IOException {
        writeRun(Publication.freshStaging(out), 1);
        Publication.publish(out, FINGERPRINT);
        Path staging = Publication.freshStaging(out);
        Files.writeString(staging.resolve(OutputFiles.RESULTS), "half a file");
        Publication.discardStaging(out);
        assertTrue(FINGERPRINT.matches(out));
        assertEquals(1, roundOf(out.resolve(OutputFiles.RESULTS)));
    }

    /**
     * Twenty processes each write and publish run after run until they are killed with SIGKILL at a
     * random moment; after each kill the directory must hold either a run its fingerprint vouches for,
     * whole and of one round, or no fingerprint at all (the next build reruns). Where the kill lands
     * varies with the machine's speed; what is asserted holds wherever it lands.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aKillAtAnyMomentNeverLeavesATornRunThatLooksValid() throws Exception {
        Random random = new Random(20);
        int vouched = 0;
        for (int kill = 0; kill < 20; kill++) {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), PublishForever.class.getName(), out.toString())
                    .redirectErrorStream(true).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int rounds = 1 + random.nextInt(3);
            for (int seen = 0; seen < rounds; seen++) {
                String line = lines.readLine();
                assertTrue(line != null && line.startsWith("published "), "the child printed " + line);
            }
            Thread.sleep(random.nextInt(40));
            child.destroyForcibly();
            child.waitFor();
            if (FINGERPRINT.matches(out)) {
                vouched++;
                int round = roundOf(out.resolve(OutputFiles.RESULTS));
                for (String name : OutputFiles.PUBLISHED) {
                    assertEquals(round, roundOf(out.resolve(name)), name + " after kill " + kill);
                }
            } else {
                assertFalse(Files.exists(out.resolve(OutputFiles.FINGERPRINT)),
                        "a fingerprint that does not match its files after kill " + kill);
            }
            for (String name : OutputFiles.PUBLISHED) {
                Path file = out.resolve(name);
                if (Files.exists(file)) {
                    roundOf(file); // a whole file, never a torn one
                }
            }
        }
        // the first publication of every child happened before its kill, so most kills find one
        assertTrue(vouched > 0, "no kill left a complete run");
    }

    /** Writes a run's files, each a few hundred kilobytes ending with a marker of its round. */
    static void writeRun(Path staging, int round) throws IOException {
        String body = ("round " + round + " ").repeat(40_000);
        for (String name : OutputFiles.PUBLISHED) {
            Files.writeString(staging.resolve(name), body + "\n" + END + round + "\n");
        }
    }

    /** The round a whole file was written in; fails for a torn file. */
    private static int roundOf(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith(END), file.getFileName() + " is torn: it ends with '"
                + last.substring(Math.max(0, last.length() - 40)) + "'");
        return Integer.parseInt(last.substring(END.length()));
    }

    /** The child: writes and publishes runs 1, 2, 3, ... into its argument's directory until killed. */
    public static final class PublishForever {

        private PublishForever() {
        }

        public static void main(String[] args) throws IOException {
            Path out = Path.of(args[0]);
            for (int round = 1; ; round++) {
                writeRun(Publication.freshStaging(out), round);
                Publication.publish(out, FINGERPRINT);
                System.out.println("published " + round);
            }
        }
    }
}
