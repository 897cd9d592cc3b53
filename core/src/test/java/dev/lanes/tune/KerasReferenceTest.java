package dev.lanes.tune;

import dev.lanes.base.Signature;
import dev.lanes.nn.ActivationCall;
import dev.lanes.nn.Callbacks;
import dev.lanes.nn.Constraints;
import dev.lanes.nn.Initializers;
import dev.lanes.nn.LearningRateSchedules;
import dev.lanes.nn.Losses;
import dev.lanes.nn.Normalizations;
import dev.lanes.nn.Optimizers;
import dev.lanes.simd.Activation;
import dev.lanes.simd.Argument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/keras-reference.md lists every signature the code declares, in the code's words: a declaration
 * changed without the reference (or the reference edited by hand) fails here, with the text to paste.
 */
class KerasReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "keras-reference.md");
    private static final String BEGIN = "<!-- generated from the declarations: KerasReferenceTest -->\n";
    private static final String END = "<!-- end of generated -->\n";

    static String generated() {
        StringBuilder s = new StringBuilder(BEGIN);
        section(s, "Activations", ActivationCall.signatures());
        activationRanges(s);
        section(s, "Initializers", Initializers.signatures());
        section(s, "Constraints", Constraints.signatures());
        section(s, "Normalization layers", Normalizations.signatures());
        section(s, "Optimizers", Optimizers.signatures());
        section(s, "Learning-rate schedules", LearningRateSchedules.signatures());
        section(s, "Losses", Losses.signatures());
        section(s, "Callbacks", Callbacks.signatures());
        return s.append(END).toString();
    }

    private static void section(StringBuilder s, String title, List<Signature> signatures) {
        s.append("\n## ").append(title).append("\n\n```\n");
        signatures.forEach(sig -> s.append(sig).append('\n'));
        s.append("```\n\n");
    }

    /** The values each activation argument takes, from {@link Activation#arguments()}. */
    private static void activationRanges(StringBuilder s) {
        s.append("| activation | argument | valid values |\n|---|---|---|\n");
        ActivationCall.signatures().forEach(sig -> {
            for (Argument a : ActivationCall.fromKerasName(sig.name()).arguments()) {
                s.append("| `").append(sig.name()).append("` | `").append(a.name()).append("` | ").append(a.range())
                        .append(" |\n");
            }
        });
    }

    @Test
    void theReferenceListsEveryDeclaredSignature() throws IOException {
        String text = Files.readString(REFERENCE);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String found = begin < 0 || end < 0 ? "" : text.substring(begin, end + END.length());
        assertEquals(generated(), found, "docs/keras-reference.md is out of date: replace its generated part with the "
                + "expected text");
    }
}
