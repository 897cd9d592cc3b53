package dev.lanes.maven;

import dev.lanes.maven.job.OutputFiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Moves a finished run from the staging directory into the output directory so that no moment of it
 * leaves a result that looks valid but is not: the old fingerprint goes first, then each file is moved
 * into place (one atomic rename each), then the new fingerprint, naming every file's SHA-256, is written
 * by a rename too. Killed before the first step, the directory still holds the previous complete run;
 * killed later, it holds whole files that no fingerprint vouches for, and the next build runs again.
 */
final class Publication {

    private Publication() {
    }

    /** Empties (or makes) the staging directory of {@code out}, left behind by a build that was killed. */
    static Path freshStaging(Path out) throws IOException {
        Path staging = OutputFiles.staging(out);
        deleteTree(staging);
        Files.createDirectories(staging);
        return staging;
    }

    /** Publishes the run in {@code out}'s staging directory, recorded as computed from {@code fingerprint}. */
    static void publish(Path out, Fingerprint fingerprint) throws IOException {
        Path staging = OutputFiles.staging(out);
        Files.deleteIfExists(out.resolve(OutputFiles.FINGERPRINT));
        for (String name : OutputFiles.PUBLISHED) {
            Path staged = staging.resolve(name);
            if (Files.isRegularFile(staged)) {
                move(staged, out.resolve(name));
            } else {
                Files.deleteIfExists(out.resolve(name));
            }
        }
        Path written = staging.resolve(OutputFiles.FINGERPRINT);
        Files.writeString(written, fingerprint.record(out));
        move(written, out.resolve(OutputFiles.FINGERPRINT));
        deleteTree(staging);
    }

    /** Deletes the staging directory of {@code out}, if any: after a run that failed. */
    static void discardStaging(Path out) throws IOException {
        deleteTree(OutputFiles.staging(out));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Not on the file systems Maven builds on (the staging directory is a subdirectory of out);
            // the fingerprint, written last, still keeps a torn copy from being reused.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
