package dev.lanes.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The corpus of small CSV files under test resources csv/: what loads, and the message for what does not. */
class CsvCorpusTest {

    private static final String NOT_A_NUMBER = " is not a number; write numbers like 12, -0.5 or 1.5e-3"
            + " (decimal point, no thousands separator)";
    private static final String NOT_FINITE = " is not a finite number; leave the cell empty to mark a missing"
            + " value (missing-value policies: ERROR, DROP_ROW, MEAN)";

    static Stream<Arguments> brokenFiles() {
        DataSpec y = DataSpec.target("y");
        return Stream.of(
                Arguments.of("empty.csv", y, ": the file is empty; a data set starts with a header row naming the"
                        + " columns, followed by one row per example"),
                Arguments.of("blank_lines.csv", y, ": the file is empty; a data set starts with a header row naming"
                        + " the columns, followed by one row per example"),
                Arguments.of("header_only.csv", y, ": the file has a header but no data rows"),
                Arguments.of("duplicate.csv", y, ":1: the column name 'a' appears twice (columns 1 and 3); column"
                        + " names must be unique"),
                Arguments.of("ragged_short.csv", y, ":3: line 3 has 2 fields, the header has 3; every row needs"
                        + " one field per column, empty for a missing value"),
                Arguments.of("ragged_long.csv", y, ":3: line 3 has 4 fields, the header has 3; a value containing"
                        + " the delimiter (comma) must be quoted"),
                Arguments.of("text.csv", y, ":3:2 (b): 'five' is not a number; declare the column categorical or"
                        + " exclude it"),
                Arguments.of("text_target.csv", y, ":2:3 (y): 'n/a' is not a number; the target must be numeric"),
                Arguments.of("nan.csv", y, ":2:2 (b): 'NaN'" + NOT_FINITE),
                Arguments.of("inf.csv", y, ":2:2 (b): '-inf'" + NOT_FINITE),
                Arguments.of("infinity_target.csv", y, ":2:3 (y): 'Infinity' is not a finite number; the target"
                        + " must be a finite number"),
                Arguments.of("hex.csv", y, ":2:2 (b): '0x1p3'" + NOT_A_NUMBER),
                Arguments.of("exponent.csv", y, ":2:2 (b): '1e'" + NOT_A_NUMBER),
                Arguments.of("suffix.csv", y, ":3:1 (a): '1.5f'" + NOT_A_NUMBER),
                Arguments.of("decimal_comma.csv", y, ":2:2 (b): '2,5'" + NOT_A_NUMBER),
                Arguments.of("overflow.csv", y, ":2:2 (b): '1e39' is beyond the float32 range (magnitude up to"
                        + " 3.4028235E38)"),
                Arguments.of("empty_cell.csv", y, ":3:2 (b): empty cell, and the missing-value policy is ERROR;"
                        + " choose DROP_ROW to leave such rows out or MEAN to fill the training mean, or exclude"
                        + " the column"),
                Arguments.of("categories.csv", y.categorical("color"), ":4:2 (color): empty cell, and the"
                        + " missing-value policy is ERROR; choose DROP_ROW to leave such rows out or MEAN to read"
                        + " it as no category, or exclude the column"),
                Arguments.of("empty_target.csv", y.missing(MissingValues.MEAN), ":3:3 (y): the target is empty;"
                        + " every row needs a target value (only the missing-value policy DROP_ROW leaves such"
                        + " rows out)"),
                Arguments.of("empty_target.csv", y, ":3:3 (y): the target is empty; every row needs a target value"
                        + " (only the missing-value policy DROP_ROW leaves such rows out)"),
                Arguments.of("all_empty.csv", y.missing(MissingValues.DROP_ROW), ": no rows left: each of the 2"
                        + " data rows has an empty cell in a used column, and the missing-value policy DROP_ROW"
                        + " leaves such rows out"),
                Arguments.of("no_delimiter.csv", DataSpec.target("abc"), ": cannot detect the delimiter: the"
                        + " header line 'abc' has no comma, semicolon or tab outside quotes; a data set needs a"
                        + " target and at least one feature column, or give the delimiter explicitly"),
                Arguments.of("semicolon.csv", y.delimiter(','), ":1: the header 'a;b;y' is a single column when"
                        + " split at the comma; a data set needs a target and at least one feature column: is"
                        + " the delimiter right?"),
                Arguments.of("multiline.csv", y.categorical("note"), ":4:2 (x): 'abc' is not a number; declare the"
                        + " column categorical or exclude it"),
                Arguments.of("text.csv", DataSpec.target("yy"), ": the target 'yy' is not a column of the file."
                        + " Did you mean 'y'? Columns: a, b, y"),
                Arguments.of("text.csv", y.include("bb"), ": the included column 'bb' is not a column of the file."
                        + " Did you mean 'b'? Columns: a, b, y"),
                Arguments.of("text.csv", y.exclude("zzzz"), ": the excluded column 'zzzz' is not a column of the"
                        + " file. Columns: a, b, y"),
                Arguments.of("text.csv", y.categorical("B"), ": the categorical column 'B' is not a column of the"
                        + " file. Did you mean 'b'? Columns: a, b, y"),
                Arguments.of("text.csv", y.include("a", "y"), ": the target 'y' is also in the include list; the"
                        + " target is always numeric and never a feature, so leave it out of that list"),
                Arguments.of("text.csv", y.exclude("b").categorical("b"), ": the categorical column 'b' is not a"
                        + " feature (it is excluded); use it as a feature or drop it from the categorical list"),
                Arguments.of("text.csv", y.exclude("a", "b"), ": no feature column is left besides the target 'y'"
                        + " after include [] and exclude [a, b]; columns: a, b, y"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenFiles")
    void brokenFileIsReportedWithFileLineColumnAndValue(String file, DataSpec spec, String expected) {
        Path path = Resources.csv(file);
        DataException e = assertThrows(DataException.class, () -> Dataset.load(path, spec));
        assertEquals(path + expected, e.getMessage());
    }

    @Test
    void missingFileNamesThePathAndWhereItWasLookedFor() {
        Path path = Resources.csv("empty.csv").resolveSibling("does_not_exist.csv");
        DataException e = assertThrows(DataException.class, () -> Dataset.load(path, DataSpec.target("y")));
        assertEquals(path + ": file not found (absolute path " + path.toAbsolutePath() + ")", e.getMessage());
    }

    /** Each holds a,b,y / 1,2,3 / 4,5,6 in a different dialect. */
    @ParameterizedTest
    @ValueSource(strings = {"trailing_blank.csv", "bom.csv", "crlf.csv", "semicolon.csv", "tab.csv"})
    void validDialectsLoadTheSameTable(String file) {
        Dataset data = Dataset.load(Resources.csv(file), DataSpec.target("y"));
        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals("y", data.targetName());
        assertArrayEquals(new float[] {1, 2, 4, 5}, data.features().toArray());
        assertArrayEquals(new float[] {3, 6}, data.target().toArray());
        assertEquals(0, data.droppedRows());
    }

    @Test
    void givenDelimiterIsUsed() {
        Dataset data = Dataset.load(Resources.csv("tab.csv"), DataSpec.target("y").delimiter('\t'));
        assertArrayEquals(new float[] {1, 2, 4, 5}, data.features().toArray());
    }

    @Test
    void quotedDelimitersStayInsideTheirField() {
        Dataset data = Dataset.load(Resources.csv("quoted.csv"), DataSpec.target("y").categorical("label, quoted"));
        assertEquals(List.of("x", "label, quoted=Lyon", "label, quoted=Paris, FR"), data.featureNames());
        assertArrayEquals(new boolean[] {false, true, true}, data.categoryColumns());
        assertArrayEquals(new float[] {1.5f, 0, 1, 2, 1, 0, 3, 0, 1}, data.features().toArray());
        assertArrayEquals(new float[] {10, 20, 30}, data.target().toArray());
    }

    @Test
    void categoriesAreSortedAndAnEmptyCellIsAllZerosWithMean() {
        Dataset data = Dataset.load(Resources.csv("categories.csv"),
                DataSpec.target("y").categorical("color").missing(MissingValues.MEAN));
        assertEquals(List.of("x", "color=blue", "color=green", "color=red"), data.featureNames());
        assertArrayEquals(new float[] {
            1, 0, 0, 1,
            2, 1, 0, 0,
            3, 0, 0, 0,
            4, 0, 1, 0}, data.features().toArray());
    }

    @Test
    void emptyCategoryDropsTheRowWithDropRow() {
        Dataset data = Dataset.load(Resources.csv("categories.csv"),
                DataSpec.target("y").categorical("color").missing(MissingValues.DROP_ROW));
        assertEquals(3, data.rows());
        assertEquals(1, data.droppedRows());
        assertArrayEquals(new float[] {10, 20, 40}, data.target().toArray());
    }

    @Test
    void meanPolicyStoresNaN() {
        Dataset data = Dataset.load(Resources.csv("empty_cell.csv"), DataSpec.target("y").missing(MissingValues.MEAN));
        assertArrayEquals(new float[] {1, 2, 1, Float.NaN}, data.features().toArray());
    }

    @Test
    void dropRowLeavesOutRowsWithAnEmptyFeatureOrTarget() {
        Dataset data = Dataset.load(Resources.csv("missing.csv"), DataSpec.target("y").missing(MissingValues.DROP_ROW));
        assertEquals(1, data.rows());
        assertEquals(3, data.droppedRows());
        assertArrayEquals(new float[] {10, 11}, data.features().toArray());
        assertArrayEquals(new float[] {12}, data.target().toArray());
    }

    @Test
    void unusedColumnsAreNeverParsed() {
        Dataset data = Dataset.load(Resources.csv("text.csv"), DataSpec.target("y").exclude("b"));
        assertEquals(List.of("a"), data.featureNames());
        assertArrayEquals(new float[] {1, 4}, data.features().toArray());
    }

    @Test
    void includeListSetsTheColumnOrder() {
        Dataset data = Dataset.load(Resources.csv("crlf.csv"), DataSpec.target("y").include("b", "a"));
        assertEquals(List.of("b", "a"), data.featureNames());
        assertArrayEquals(new float[] {2, 1, 5, 4}, data.features().toArray());
    }
}
