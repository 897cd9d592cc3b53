package dev.lanes.nn;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The callbacks a search grid can name, built from Keras' class name and keyword arguments:
 * {@code EarlyStopping(monitor, min_delta, patience, mode, baseline, restore_best_weights, start_from_epoch)},
 * {@code ReduceLROnPlateau(monitor, factor, patience, min_delta, cooldown, min_lr, mode)},
 * {@code ModelCheckpoint(filepath, monitor, save_best_only, mode)} and
 * {@code CSVLogger(filename, separator, append)}, each with Keras' defaults. {@link LearningRateScheduler}
 * takes a function, so it is for the Java API only.
 */
public final class Callbacks {

    private static final String KIND = "callback";
    private static final Map<String, Signature> SIGNATURES = declare();
    private static final List<String> NAMES = List.copyOf(SIGNATURES.keySet());
    private static final List<String> MODES = List.of("auto", "min", "max");
    /** The arguments that name a file a callback writes. */
    private static final List<String> FILE_ARGUMENTS = List.of("filepath", "filename");

    private Callbacks() {
    }

    /** The class names {@link #create} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The callback {@code name} with {@code args}.
     *
     * @throws IllegalArgumentException for an unknown name or argument (with did-you-mean), a value of the
     *                                  wrong type or out of its range
     */
    public static Callback create(String name, Map<String, ?> args) {
        String canonical = Names.canonical(KIND, name, NAMES);
        KerasArguments a = new KerasArguments(KIND, SIGNATURES.get(canonical), args);
        return switch (canonical) {
            case "EarlyStopping" -> new EarlyStopping(a.text("monitor"),
                    nonNegative(canonical, "min_delta", a.number("min_delta")), a.integer("patience", 0), mode(canonical, a),
                    a.has("baseline") ? OptionalDouble.of(a.number("baseline")) : OptionalDouble.empty(),
                    a.bool("restore_best_weights"), a.integer("start_from_epoch", 0));
            case "ReduceLROnPlateau" -> new ReduceLROnPlateau(a.text("monitor"),
                    KerasArguments.check(KIND, canonical, "factor", a.number("factor"), 0, false, 1, false),
                    a.integer("patience", 0), nonNegative(canonical, "min_delta", a.number("min_delta")),
                    a.integer("cooldown", 0), nonNegative(canonical, "min_lr", a.number("min_lr")), mode(canonical, a));
            case "ModelCheckpoint" -> new ModelCheckpoint(path(canonical, a.text("filepath")), a.text("monitor"),
                    a.bool("save_best_only"), mode(canonical, a));
            default -> new CsvLogger(path(canonical, a.text("filename")), separator(a.text("separator")), a.bool("append"));
        };
    }

    /**
     * {@code call} without the arguments that only name its files ({@code filepath}, {@code filename}):
     * what it does to training, so that a search seeds a fit the same wherever its logs go.
     */
    public static KerasCall withoutFiles(KerasCall call) {
        Map<String, Object> args = new LinkedHashMap<>(call.args());
        args.keySet().removeAll(FILE_ARGUMENTS);
        return new KerasCall(call.name(), args);
    }

    private static Path path(String owner, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(owner + ": '" + text + "' is not a file path: " + e.getReason());
        }
    }

    private static char separator(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("CSVLogger's separator must be one character, not '" + text + "'");
        }
        return text.charAt(0);
    }

    /**
     * Refuses callbacks that set the learning rate with an optimizer whose rate follows a schedule, as
     * Keras does (its optimizer's learning rate is then not settable).
     *
     * @throws IllegalArgumentException naming the callback and what to change
     */
    public static void checkLearningRate(Optimizer optimizer, List<Callback> callbacks) {
        if (optimizer.learningRate().isConstant()) {
            return;
        }
        for (Callback c : callbacks) {
            if (c.setsLearningRate()) {
                throw new IllegalArgumentException(c.kerasName() + " sets the learning rate, but the"
                        + " optimizer's learning rate follows a schedule, which Keras does not allow either: give the"
                        + " optimizer a constant learning_rate or leave the callback out");
            }
        }
    }

    /** Every callback's signature: its Keras class name and arguments, the defaults those of Keras (and of {@code defaults()}). */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    private static Map<String, Signature> declare() {
        EarlyStopping e = EarlyStopping.defaults();
        ReduceLROnPlateau r = ReduceLROnPlateau.defaults();
        Map<String, Signature> m = new LinkedHashMap<>();
        m.put("EarlyStopping", Signature.of("EarlyStopping", "monitor", e.monitor(), "min_delta", e.minDelta(),
                "patience", (double) e.patience(), "mode", e.mode().kerasName(), "baseline", Signature.NONE,
                "restore_best_weights", e.restoreBestWeights(), "start_from_epoch", (double) e.startFromEpoch()));
        m.put("ReduceLROnPlateau", Signature.of("ReduceLROnPlateau", "monitor", r.monitor(), "factor", r.factor(),
                "patience", (double) r.patience(), "min_delta", r.minDelta(), "cooldown", (double) r.cooldown(),
                "min_lr", r.minLr(), "mode", r.mode().kerasName()));
        ModelCheckpoint c = ModelCheckpoint.to(Path.of("model.lanes"));
        m.put("ModelCheckpoint", Signature.of("ModelCheckpoint", "filepath", Signature.REQUIRED, "monitor", c.monitor(),
                "save_best_only", c.saveBestOnly(), "mode", c.mode().kerasName()));
        CsvLogger l = CsvLogger.to(Path.of("log.csv"));
        m.put("CSVLogger", Signature.of("CSVLogger", "filename", Signature.REQUIRED, "separator",
                String.valueOf(l.separator()), "append", l.append()));
        return Collections.unmodifiableMap(m);
    }

    private static double nonNegative(String owner, String arg, double v) {
        return KerasArguments.check(KIND, owner, arg, v, 0, true, Double.POSITIVE_INFINITY, false);
    }

    private static MonitorMode mode(String owner, KerasArguments a) {
        String mode = a.text("mode");
        return MonitorMode.valueOf(Names.canonical("mode of " + owner, mode, MODES).toUpperCase(Locale.ROOT));
    }
}
