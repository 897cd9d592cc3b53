package dev.lanes.maven.job;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void sixSignificantDigitsPlainInTheUsualRange() {
        assertEquals("55123.5", Formats.format(55123.4567));
        assertEquals("60000", Formats.format(60000));
        assertEquals("0.812346", Formats.format(0.8123456));
        assertEquals("-1", Formats.format(-1));
        assertEquals("0", Formats.format(0));
    }

    @Test
    void scientificWhenVeryLargeOrSmall() {
        assertEquals("2.7912e+09", Formats.format(2.7912345e9));
        assertEquals("1.0000e-05", Formats.format(1e-5));
        assertEquals("NaN", Formats.format(Double.NaN));
    }

    @Test
    void clocks() {
        assertEquals("0:05", Formats.clock(4.6));
        assertEquals("2:03", Formats.clock(123));
        assertEquals("1:00:01", Formats.clock(3601));
    }
}
