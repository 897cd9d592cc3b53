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
    void readableScoresForPeople() {
        assertEquals("53,402", Formats.readable(53401.73468));
        assertEquals("642", Formats.readable(642.135));
        assertEquals("2,791,234,500", Formats.readable(2.7912345e9));
        assertEquals("-1,235", Formats.readable(-1234.5));
        assertEquals("0.8123", Formats.readable(0.812345));
        assertEquals("12.35", Formats.readable(12.3456));
        assertEquals("0.00001235", Formats.readable(1.23456e-5));
        assertEquals("0", Formats.readable(0));
        assertEquals("NaN", Formats.readable(Double.NaN));
        assertEquals("95%", Formats.percent(0.95));
    }

    @Test
    void clocks() {
        assertEquals("0:05", Formats.clock(4.6));
        assertEquals("2:03", Formats.clock(123));
        assertEquals("1:00:01", Formats.clock(3601));
    }
}
