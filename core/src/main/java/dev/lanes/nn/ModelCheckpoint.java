package dev.lanes.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Keras' {@code ModelCheckpoint}: writes the model (the format of {@link Model#save}) to {@code file}
 * after every epoch, or with {@code saveBestOnly} only after an epoch whose monitored quantity beats
 * every earlier one. The file is written beside its final name and then moved over it, so it always
 * holds a whole model, the last one saved. Keras' file-name patterns ({@code {epoch:02d}}) are not
 * supported: one file is overwritten.
 *
 * @param file         where the model is written
 * @param monitor      {@code loss}, {@code val_loss} or {@code val_<metric>}
 * @param saveBestOnly whether to save only when the monitored quantity improves
 * @param mode         whether the quantity should go down or up ({@link MonitorMode#AUTO} reads it from the name)
 */
public record ModelCheckpoint(Path file, String monitor, boolean saveBestOnly, MonitorMode mode) implements Callback {

    /** Checks the arguments. */
    public ModelCheckpoint {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public ModelCheckpoint relocated(UnaryOperator<Path> where) {
        return new ModelCheckpoint(where.apply(file), monitor, saveBestOnly, mode);
    }

    /** Keras' defaults: monitor val_loss, save after every epoch, mode auto. */
    public static ModelCheckpoint to(Path file) {
        return new ModelCheckpoint(file, "val_loss", false, MonitorMode.AUTO);
    }

    /** With another monitored quantity. */
    public ModelCheckpoint monitor(String quantity) {
        return new ModelCheckpoint(file, quantity, saveBestOnly, mode);
    }

    /** With save_best_only set. */
    public ModelCheckpoint saveBestOnly(boolean value) {
        return new ModelCheckpoint(file, monitor, value, mode);
    }

    /** With another mode. */
    public ModelCheckpoint mode(MonitorMode value) {
        return new ModelCheckpoint(file, monitor, saveBestOnly, value);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code saveBestOnly} is set and {@code mode} is {@code AUTO}
     *                                  but cannot tell the monitored quantity's direction
     */
    @Override
    public Hook start() {
        boolean up = saveBestOnly && mode.greaterIsBetter(monitor);
        return new Hook() {
            private double best = up ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                if (saveBestOnly) {
                    double current = logs.required(monitor, "ModelCheckpoint");
                    if (!(up ? current > best : current < best)) {
                        return;
                    }
                    best = current;
                }
                write(control);
            }
        };
    }

    private void write(TrainingControl control) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            control.save(partial);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
