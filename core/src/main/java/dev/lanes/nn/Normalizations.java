package dev.lanes.nn;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 3's normalization layers by name, with Keras' arguments and defaults (declared once, in
 * {@link #signatures()}, with their ranges in {@link #check}): {@code batch_normalization(momentum=0.99,
 * epsilon=0.001, center=True, scale=True)} and {@code layer_normalization(epsilon=0.001, center=True,
 * scale=True)}. Both normalize over the units of a dense layer's output (Keras' {@code axis=-1}).
 */
public final class Normalizations {

    private static final String BATCH = "batch_normalization";
    private static final String LAYER = "layer_normalization";
    private static final Map<String, Signature> SIGNATURES = declare();

    private Normalizations() {
    }

    private static Map<String, Signature> declare() {
        Map<String, Signature> m = new LinkedHashMap<>();
        m.put(BATCH, Signature.of(BATCH, "momentum", 0.99, "epsilon", 1e-3, "center", true, "scale", true));
        m.put(LAYER, Signature.of(LAYER, "epsilon", 1e-3, "center", true, "scale", true));
        return m;
    }

    /** Every normalization's signature: its Keras name and arguments with Keras' defaults. */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    /**
     * A normalization layer by Keras name (the rule of {@link Names}: {@code batch_normalization},
     * {@code BatchNormalization}) and Keras arguments.
     *
     * @throws IllegalArgumentException for an unknown name, an argument it does not take, or a value out
     *                                  of range, saying what is valid
     */
    public static Normalization create(String name, Map<String, ?> args) {
        String key = Names.canonical("normalization layer", name, SIGNATURES.keySet());
        KerasArguments a = new KerasArguments("normalization layer", SIGNATURES.get(key), args);
        return key.equals(BATCH)
                ? new BatchNormalization(a.number("momentum"), a.number("epsilon"), a.bool("center"), a.bool("scale"))
                : new LayerNormalization(a.number("epsilon"), a.bool("center"), a.bool("scale"));
    }

    /** {@code name} or {@code name(argument=value, ...)}, as {@link #create} takes it. */
    public static Normalization parse(String text) {
        KerasCall call = KerasCall.parse(text, "normalization layer");
        return create(call.name(), call.args());
    }

    /** How Keras writes it, the arguments that differ from Keras' defaults only: {@code batch_normalization(momentum=0.9)}. */
    static String text(Normalization n) {
        String name = n instanceof BatchNormalization ? BATCH : LAYER;
        Map<String, Object> values = new LinkedHashMap<>();
        if (n instanceof BatchNormalization b) {
            values.put("momentum", b.momentum());
        }
        values.put("epsilon", n.epsilon());
        values.put("center", n.center());
        values.put("scale", n.scale());
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, Object> defaults = SIGNATURES.get(name).arguments();
        values.forEach((k, v) -> {
            if (!v.equals(defaults.get(k))) {
                given.put(k, v);
            }
        });
        return new KerasCall(name, given).toString();
    }

    /** The ranges: momentum in [0, 1] (batch normalization only), epsilon finite and {@code > 0}. */
    static void check(String owner, double momentum, double epsilon) {
        KerasArguments.check("normalization layer", owner, "momentum", momentum, 0, true, 1, true);
        KerasArguments.check("normalization layer", owner, "epsilon", epsilon, 0, false, Double.POSITIVE_INFINITY, false);
    }
}
