package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The callbacks a search grid can name, built from Keras' class name and keyword arguments:
 * {@code EarlyStopping(monitor, min_delta, patience, mode, baseline, restore_best_weights, start_from_epoch)}
 * and {@code ReduceLROnPlateau(monitor, factor, patience, min_delta, cooldown, min_lr, mode)}, each with
 * Keras' defaults. The callbacks that write files ({@link ModelCheckpoint}, {@link CsvLogger}) and
 * {@link LearningRateScheduler} (a function) are for the Java API.
 */
public final class Callbacks {

    private static final String KIND = "callback";
    private static final Map<String, Signature> SIGNATURES = declare();
    private static final List<String> NAMES = List.copyOf(SIGNATURES.keySet());
    private static final List<String> MODES = List.of("auto", "min", "max");

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
        if (canonical.equals("EarlyStopping")) {
            return new EarlyStopping(a.text("monitor"), nonNegative(canonical, "min_delta", a.number("min_delta")),
                    a.integer("patience", 0), mode(canonical, a),
                    a.has("baseline") ? OptionalDouble.of(a.number("baseline")) : OptionalDouble.empty(),
                    a.bool("restore_best_weights"), a.integer("start_from_epoch", 0));
        }
        return new ReduceLROnPlateau(a.text("monitor"),
                KerasArguments.check(KIND, canonical, "factor", a.number("factor"), 0, false, 1, false),
                a.integer("patience", 0), nonNegative(canonical, "min_delta", a.number("min_delta")),
                a.integer("cooldown", 0), nonNegative(canonical, "min_lr", a.number("min_lr")), mode(canonical, a));
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
                throw new IllegalArgumentException(c.getClass().getSimpleName() + " sets the learning rate, but the"
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
