package dev.lanes.base;

import java.util.Collection;
import java.util.Locale;

/**
 * The one rule by which Lanes looks up the name of an activation, initializer, optimizer, learning-rate
 * schedule, loss, callback, metric or scoring: names are compared trimmed, ignoring case and underscores, so that the Keras function
 * name, the Keras class name and the camelCase a Java user types are one name ({@code cosine_decay},
 * {@code CosineDecay}, {@code cosineDecay}; {@code he_normal}, {@code HeNormal}; {@code rmsprop},
 * {@code RMSprop}). A name that matches none gets {@link Suggestions#unknownName}'s message.
 *
 * <p>Public only because it is shared by the packages of Lanes; it is not part of the supported API.
 */
public final class Names {

    private Names() {
    }

    /** The form in which names are compared: {@code "Cosine_Decay "} and {@code "cosineDecay"} are both {@code cosinedecay}. */
    public static String key(String name) {
        return name.strip().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The name of {@code names} that {@code given} means, spelt as in {@code names} (the first that
     * matches, in their order).
     *
     * @param kind what the names are, for the message ({@code optimizer})
     * @throws IllegalArgumentException {@code Unknown optimizer 'adan'. Did you mean 'adam'? Valid names: ...}
     */
    public static String canonical(String kind, String given, Collection<String> names) {
        String key = key(given);
        for (String n : names) {
            if (key(n).equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException(Suggestions.unknownName(kind, given.strip(), names));
    }
}
