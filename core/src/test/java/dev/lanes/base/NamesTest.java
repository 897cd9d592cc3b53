package dev.lanes.base;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one name rule: case and underscores aside, the first of the names wins, anything else is refused with a hint. */
class NamesTest {

    private static final List<String> NAMES = List.of("cosine_decay", "CosineDecayRestarts", "he_normal", "rmsprop");

    @ParameterizedTest
    @CsvSource({"CosineDecay,cosine_decay", "cosineDecay,cosine_decay", " COSINE_DECAY ,cosine_decay",
        "cosine_decay_restarts,CosineDecayRestarts", "HeNormal,he_normal", "heNormal,he_normal", "RMSprop,rmsprop",
        "rms_prop,rmsprop"})
    void theKerasTheClassAndTheCamelCaseSpellingsAreOneName(String given, String name) {
        assertEquals(name, Names.canonical("thing", given, NAMES));
    }

    @Test
    void anotherNameIsRefusedWithTheClosestAndAllValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.canonical("thing", "he_normall", NAMES));
        assertEquals("Unknown thing 'he_normall'. Did you mean 'he_normal'? Valid names: cosine_decay, CosineDecayRestarts, "
                + "he_normal, rmsprop", e.getMessage());
    }
}
