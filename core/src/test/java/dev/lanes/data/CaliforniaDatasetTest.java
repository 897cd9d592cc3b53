package dev.lanes.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The raw California housing file (20,640 rows, 207 empty total_bedrooms cells, the text column
 * ocean_proximity) through the configuration a user would write.
 */
class CaliforniaDatasetTest {

    private static final Path FILE = Resources.path("california_housing.csv");
    private static final DataSpec SPEC = DataSpec.target("median_house_value");
    private static final List<String> SEVEN = List.of("longitude", "latitude", "housing_median_age",
            "total_rooms", "population", "households", "median_income");

    @Test
    void walkThroughColumnsGiveSevenFeatures() {
        Dataset data = Dataset.load(FILE, SPEC.exclude("total_bedrooms", "ocean_proximity"));
        assertEquals(20_640, data.rows());
        assertEquals(SEVEN, data.featureNames());
        assertEquals("median_house_value", data.targetName());
        assertEquals(0, data.droppedRows());
        float[] first = new float[7];
        data.features().copyRow(0, first, 0);
        assertArrayEquals(new float[] {-122.23f, 37.88f, 41f, 880f, 322f, 126f, 8.3252f}, first);
        assertEquals(452_600f, data.target().get(0, 0));

        float[] y = data.target().toArray();
        double sum = 0;
        int capped = 0;
        for (float v : y) {
            sum += v;
            capped += v == 500_001f ? 1 : 0;
        }
        assertEquals(206_855.8, sum / y.length, 0.1);
        assertEquals(965, capped);
    }

    @Test
    void oceanProximityAsCategoriesGivesFiveOneHotColumns() {
        Dataset data = Dataset.load(FILE, SPEC.exclude("total_bedrooms").categorical("ocean_proximity"));
        List<String> names = data.featureNames();
        assertEquals(12, names.size());
        assertEquals(List.of("ocean_proximity=<1H OCEAN", "ocean_proximity=INLAND", "ocean_proximity=ISLAND",
                "ocean_proximity=NEAR BAY", "ocean_proximity=NEAR OCEAN"), names.subList(7, 12));
        float[] x = data.features().toArray();
        int[] counts = new int[5];
        for (int r = 0; r < data.rows(); r++) {
            int ones = 0;
            for (int c = 0; c < 5; c++) {
                float v = x[r * 12 + 7 + c];
                ones += (int) v;
                counts[c] += (int) v;
            }
            if (ones != 1) {
                fail("row " + r + " has " + ones + " categories");
            }
        }
        assertArrayEquals(new int[] {9136, 6551, 5, 2290, 2658}, counts);
    }

    @Test
    void textColumnNotExcludedIsReportedOnLine2() {
        DataException e = assertThrows(DataException.class,
                () -> Dataset.load(FILE, SPEC.exclude("total_bedrooms")));
        assertEquals(FILE + ":2:10 (ocean_proximity): 'NEAR BAY' is not a number; declare the column"
                + " categorical or exclude it", e.getMessage());
    }

    @Test
    void emptyBedroomsAreAnErrorByDefault() {
        DataException e = assertThrows(DataException.class,
                () -> Dataset.load(FILE, SPEC.exclude("ocean_proximity")));
        assertEquals(FILE + ":292:5 (total_bedrooms): empty cell, and the missing-value policy is ERROR; choose"
                + " DROP_ROW to leave such rows out or MEAN to fill the training mean, or exclude the column",
                e.getMessage());
    }

    @Test
    void emptyBedroomsAreNaNWithMean() {
        Dataset data = Dataset.load(FILE, SPEC.exclude("ocean_proximity").missing(MissingValues.MEAN));
        assertEquals(20_640, data.rows());
        int column = data.featureNames().indexOf("total_bedrooms");
        int cols = data.featureNames().size();
        float[] x = data.features().toArray();
        int nan = 0;
        for (int r = 0; r < data.rows(); r++) {
            nan += Float.isNaN(x[r * cols + column]) ? 1 : 0;
        }
        assertEquals(207, nan);
    }

    @Test
    void emptyBedroomsAreDroppedWithDropRow() {
        Dataset data = Dataset.load(FILE, SPEC.exclude("ocean_proximity").missing(MissingValues.DROP_ROW));
        assertEquals(20_433, data.rows());
        assertEquals(207, data.droppedRows());
    }
}
