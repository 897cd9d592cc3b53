package dev.lanes.maven;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {

    @Test
    void sixSignificantDigitsPlainInTheUsualRange() {
        assertEquals("55123.5", Numbers.format(55123.4567));
        assertEquals("60000", Numbers.format(60000));
        assertEquals("0.812346", Numbers.format(0.8123456));
        assertEquals("-1", Numbers.format(-1));
        assertEquals("0", Numbers.format(0));
    }

    @Test
    void scientificWhenVeryLargeOrSmall() {
        assertEquals("2.7912e+09", Numbers.format(2.7912345e9));
        assertEquals("1.0000e-05", Numbers.format(1e-5));
        assertEquals("NaN", Numbers.format(Double.NaN));
    }

    @Test
    void clocks() {
        assertEquals("0:05", Numbers.clock(4.6));
        assertEquals("2:03", Numbers.clock(123));
        assertEquals("1:00:01", Numbers.clock(3601));
    }
}
