package dev.lanes.maven.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvReportTest {

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertEquals("64", CsvReport.quoted("64"));
        assertEquals("\"64,32\"", CsvReport.quoted("64,32"));
        assertEquals("\"{\"\"a\"\":\"\"b\"\"}\"", CsvReport.quoted("{\"a\":\"b\"}"));
        assertEquals("\"two\nlines\"", CsvReport.quoted("two\nlines"));
    }
}
