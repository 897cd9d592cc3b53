package dev.lanes.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The "did you mean" helper shared by every name lookup of the library. */
class SuggestionsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {"kitten,sitting,3", "'','',0", "'',abc,3", "abc,'',3", "flaw,lawn,2",
            "uniform,unifrom,2", "glorot_uniform,glorot_uniform,0"})
    void levenshteinDistance(String a, String b, int expected) {
        assertEquals(expected, Suggestions.levenshtein(a, b));
        assertEquals(expected, Suggestions.levenshtein(b, a));
    }

    @Test
    void suggestsTheClosestName() {
        List<String> valid = List.of("glorot_uniform", "glorot_normal", "he_uniform");
        assertEquals(" Did you mean 'glorot_uniform'?", Suggestions.didYouMean("glorot_unifrom", valid));
        assertEquals(" Did you mean 'he_uniform'?", Suggestions.didYouMean("HE_UNIFORM", valid));
    }

    @Test
    void allowsMaxOfTwoAndAThirdOfTheLength() {
        // 12 characters: up to 4 edits; 5 characters: up to 2.
        List<String> valid = List.of("abcdefghijkl", "vwxyz");
        assertEquals(" Did you mean 'abcdefghijkl'?", Suggestions.didYouMean("abcdefghWXYZ", valid));
        assertEquals("", Suggestions.didYouMean("abcdefgVWXYZ", valid));
        assertEquals(" Did you mean 'vwxyz'?", Suggestions.didYouMean("vwx", valid));
        assertEquals("", Suggestions.didYouMean("vw", valid));
    }

    @Test
    void tiesGoToTheFirstCandidateAndNothingValidSuggestsNothing() {
        assertEquals(" Did you mean 'ab'?", Suggestions.didYouMean("a", List.of("ab", "ac")));
        assertEquals(" Did you mean 'ac'?", Suggestions.didYouMean("a", List.of("ac", "ab")));
        assertEquals("", Suggestions.didYouMean("anything", List.of()));
    }
}
