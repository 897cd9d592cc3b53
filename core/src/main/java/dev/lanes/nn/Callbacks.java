package dev.lanes.nn;

import dev.lanes.base.Names;

import java.util.List;
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
    private static final List<String> NAMES = List.of("EarlyStopping", "ReduceLROnPlateau");
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
        if (canonical.equals("EarlyStopping")) {
            KerasArguments a = new KerasArguments(KIND, canonical, args, List.of("monitor", "min_delta", "patience", "mode",
                    "baseline", "restore_best_weights", "start_from_epoch"));
            EarlyStopping d = EarlyStopping.defaults();
            return new EarlyStopping(a.text("monitor", d.monitor()), nonNegative(canonical, "min_delta",
                    a.number("min_delta", d.minDelta())), a.integer("patience", d.patience(), 0), mode(canonical, a),
                    a.has("baseline") ? OptionalDouble.of(a.number("baseline", 0)) : OptionalDouble.empty(),
                    a.bool("restore_best_weights", d.restoreBestWeights()),
                    a.integer("start_from_epoch", d.startFromEpoch(), 0));
        }
        KerasArguments a = new KerasArguments(KIND, canonical, args, List.of("monitor", "factor", "patience", "min_delta",
                "cooldown", "min_lr", "mode"));
        ReduceLROnPlateau d = ReduceLROnPlateau.defaults();
        return new ReduceLROnPlateau(a.text("monitor", d.monitor()),
                KerasArguments.check(KIND, canonical, "factor", a.number("factor", d.factor()), 0, false, 1, false),
                a.integer("patience", d.patience(), 0), nonNegative(canonical, "min_delta", a.number("min_delta", d.minDelta())),
                a.integer("cooldown", d.cooldown(), 0), nonNegative(canonical, "min_lr", a.number("min_lr", d.minLr())),
                mode(canonical, a));
    }

    private static double nonNegative(String owner, String arg, double v) {
        return KerasArguments.check(KIND, owner, arg, v, 0, true, Double.POSITIVE_INFINITY, false);
    }

    private static MonitorMode mode(String owner, KerasArguments a) {
        String mode = a.text("mode", "auto");
        return MonitorMode.valueOf(Names.canonical("mode of " + owner, mode, MODES).toUpperCase(java.util.Locale.ROOT));
    }
}
